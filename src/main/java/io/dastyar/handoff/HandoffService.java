package io.dastyar.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.AgentStore.Agent;
import io.dastyar.handoff.ChatStore.Chat;
import io.dastyar.system.Language;

/** Hand-off's API, over its own tables; conversations change only through {@link Conversations}. */
@Service
class HandoffService implements Handoff {

    private final ChatStore chats;
    private final AgentStore agents;
    private final Assignments assignments;
    private final Reassignments reassignments;
    private final HandoffLog handoffLog;
    private final Conversations conversations;
    private final Accounts accounts;
    private final AfterCommit afterCommit;
    private final RoutingProperties properties;
    private final Clock clock;

    HandoffService(ChatStore chats, AgentStore agents, Assignments assignments, Reassignments reassignments,
                   HandoffLog handoffLog,
                   Conversations conversations, Accounts accounts, AfterCommit afterCommit,
                   RoutingProperties properties, Clock clock) {
        this.chats = chats;
        this.agents = agents;
        this.assignments = assignments;
        this.reassignments = reassignments;
        this.handoffLog = handoffLog;
        this.conversations = conversations;
        this.accounts = accounts;
        this.afterCommit = afterCommit;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<WaitingChat> queue() {
        List<Chat> waiting = chats.waiting();
        var queue = new ArrayList<WaitingChat>(waiting.size());
        for (int i = 0; i < waiting.size(); i++) {
            queue.add(waiting.get(i).waiting(i + 1));
        }
        return queue;
    }

    @Override
    public List<HeldChat> chatsOf(String agent) {
        return chats.of(agent).stream().filter(chat -> chat.status() == ChatStore.Status.HELD).map(Chat::held).toList();
    }

    @Override
    public List<ChatOverview> allChats() {
        return chats.all().stream().map(Chat::overview).toList();
    }

    @Override
    public Outcome reassign(String supervisor, ConversationId conversation, String toAgent) {
        Outcome outcome = reassignments.reassign(supervisor, conversation, toAgent);
        if (outcome != Outcome.DONE || !supervisor.equals(toAgent) || holds(supervisor, conversation)) {
            return outcome;
        }
        // Taking it themselves: the chat now waits for them, and they claim it. Routing may have been quicker and won
        // it for them already (it is then theirs, being assigned): that is what they asked for too.
        Outcome claimed = claim(supervisor, conversation);
        boolean theirs = chats.find(conversation).map(Chat::agent).filter(supervisor::equals).isPresent();
        return theirs ? Outcome.DONE : claimed;
    }

    @Override
    public boolean holds(String agent, ConversationId conversation) {
        return chats.find(conversation)
                .filter(chat -> chat.status() == ChatStore.Status.HELD && agent.equals(chat.agent()))
                .isPresent();
    }

    @Override
    public Outcome claim(String agent, ConversationId conversation) {
        // Claiming is the console at work: it counts as a heartbeat, and registers an agent new to hand-off as
        // away (they hold what they claim; routing gives them chats once they say they are online).
        Presence presence = agents.find(agent).map(Agent::presence).filter(p -> p != Presence.OFFLINE)
                .orElse(Presence.AWAY);
        register(agent, presence);
        return assignments.claimAndAssign(agent, conversation);
    }

    @Override
    public Outcome transfer(String agent, ConversationId conversation, TransferTarget target) {
        Optional<Outcome> refused = refusedForHolder(agent, conversation);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (target instanceof TransferTarget.Agent to) {
            Optional<Language> language = chats.find(conversation).map(Chat::language);
            if (language.isEmpty()) {
                return Outcome.ALREADY_CLOSED;
            }
            Optional<Outcome> refusedTarget = reassignments.refusedAsTarget(to.username(), language.get());
            if (refusedTarget.isPresent()) {
                return refusedTarget.get();
            }
        } else if (target instanceof TransferTarget.Team team && !teams().contains(team.name())) {
            return Outcome.UNKNOWN_TEAM;
        }
        if (assignments.release(agent, conversation, HandoffLog.Kind.TRANSFERRED.name(), target)) {
            return Outcome.DONE;
        }
        return refusedForHolder(agent, conversation).orElse(Outcome.ALREADY_CLOSED);
    }

    @Override
    public Outcome resolve(String agent, ConversationId conversation) {
        Optional<Outcome> refused = refusedForHolder(agent, conversation);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (conversations.fire(conversation, io.dastyar.conversation.ConversationEvent.RESOLVED)) {
            return Outcome.DONE;
        }
        return refusedForHolder(agent, conversation).orElse(Outcome.ALREADY_CLOSED);
    }

    /** Why an agent may not act on a chat as its holder, if they may not. */
    private Optional<Outcome> refusedForHolder(String agent, ConversationId conversation) {
        if (holds(agent, conversation)) {
            return Optional.empty();
        }
        Optional<ConversationState> state = conversations.find(conversation).map(ConversationSummary::state);
        if (state.isEmpty()) {
            return Optional.of(Outcome.UNKNOWN_CONVERSATION);
        }
        return Optional.of(switch (state.get()) {
            case AWAITING_RATING, AWAITING_COMMENT, AWAITING_NPS, CLOSED -> Outcome.ALREADY_CLOSED;
            default -> Outcome.NOT_YOURS;
        });
    }

    @Override
    public void presence(String agent, Presence presence) {
        Optional<Presence> before = register(agent, presence);
        if (presence == Presence.OFFLINE) {
            // Their chats go back to the front of the queue; each customer hears they are passed to a colleague.
            assignments.requeueChatsOf(agent);
        }
        if (before.isEmpty() || before.get() != presence) {
            afterCommit.publish(new HandoffEvents.QueueChanged(clock.instant()));
        }
        if (presence == Presence.ONLINE) {
            afterCommit.route();
        }
    }

    private Optional<Presence> register(String agent, Presence presence) {
        String displayName = accounts.byUsername(agent).map(Accounts.Account::displayName).orElse(agent);
        return agents.heartbeat(agent, displayName, presence, clock.instant(), properties.defaultCapacity(),
                properties.defaultLanguages());
    }

    @Override
    public Optional<AgentStatus> status(String agent) {
        return agents.find(agent).map(Agent::status);
    }

    @Override
    public List<String> teams() {
        var teams = new TreeSet<String>();
        agents.all().forEach(agent -> teams.addAll(agent.teams()));
        return List.copyOf(teams);
    }

    @Override
    public void replied(String agent, ConversationId conversation) {
        Instant now = clock.instant();
        if (chats.firstReply(conversation, agent, now)) {
            handoffLog.record(conversation, HandoffLog.Kind.FIRST_REPLY, agent, null, now);
        }
    }

    /**
     * An admin's settings for an agent: how many chats at once, the languages they speak, their teams. An agent
     * who never opened the console is registered offline with them. Routing uses them from its next pass.
     */
    void configure(String agent, int capacity, Set<Language> languages, Set<String> teams) {
        String displayName = accounts.byUsername(agent).map(Accounts.Account::displayName).orElse(agent);
        agents.settle(agent, displayName, capacity, languages, teams, clock.instant());
        afterCommit.publish(new HandoffEvents.QueueChanged(clock.instant()));
        afterCommit.route();
    }
}
