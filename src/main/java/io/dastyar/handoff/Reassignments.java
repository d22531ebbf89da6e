package io.dastyar.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.AgentStore.Agent;
import io.dastyar.handoff.ChatStore.Chat;
import io.dastyar.handoff.Handoff.Outcome;
import io.dastyar.handoff.HandoffLog.Kind;
import io.dastyar.system.Language;

/**
 * A supervisor moves a chat to an agent. A held chat is released by its holder exactly as in a transfer (the
 * conversation goes back to the front of the queue, meant for the new agent), so {@link QueueKeeper} logs it as a
 * {@link Kind#TRANSFERRED} with the supervisor as its actor. A waiting chat is only marked for the agent, logged as a
 * TRANSFERRED with no agent. Either way routing then gives it to that agent once they have room.
 */
@Component
class Reassignments {

    private final ChatStore chats;
    private final AgentStore agents;
    private final Assignments assignments;
    private final HandoffLog handoffLog;
    private final Conversations conversations;
    private final Accounts accounts;
    private final AfterCommit afterCommit;
    private final RoutingProperties properties;
    private final Clock clock;

    Reassignments(ChatStore chats, AgentStore agents, Assignments assignments, HandoffLog handoffLog,
                  Conversations conversations, Accounts accounts, AfterCommit afterCommit,
                  RoutingProperties properties, Clock clock) {
        this.chats = chats;
        this.agents = agents;
        this.assignments = assignments;
        this.handoffLog = handoffLog;
        this.conversations = conversations;
        this.accounts = accounts;
        this.afterCommit = afterCommit;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Marks the chat for {@code toAgent}; the supervisor taking it themselves is not checked as a target (they are
     * at their console, and claim it next).
     */
    Outcome reassign(String supervisor, ConversationId id, String toAgent) {
        Optional<Chat> found = chats.find(id);
        if (found.isEmpty()) {
            return notWithPeople(id);
        }
        Chat chat = found.get();
        if (!supervisor.equals(toAgent)) {
            Optional<Outcome> refused = refusedAsTarget(toAgent, chat.language());
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        return switch (chat.status()) {
            case WAITING -> direct(supervisor, chat, toAgent);
            case HELD -> toAgent.equals(chat.agent()) ? Outcome.DONE
                    : assignments.release(chat.agent(), id, Kind.TRANSFERRED.name(), new TransferTarget.Agent(toAgent),
                    supervisor) ? Outcome.DONE : notWithPeople(id);
            // Being assigned this very moment: the supervisor sees where it went and can try again.
            case CLAIMED -> Outcome.NOT_WAITING;
        };
    }

    /** Why an agent cannot be sent a chat in this language, if they cannot: unknown, not online, or not speaking it. */
    Optional<Outcome> refusedAsTarget(String agent, Language language) {
        Instant cutoff = clock.instant().minus(properties.heartbeatGrace());
        Optional<Agent> colleague = agents.find(agent);
        if (colleague.isEmpty()) {
            return Optional.of(accounts.byUsername(agent).isPresent() ? Outcome.AGENT_OFFLINE : Outcome.UNKNOWN_AGENT);
        }
        if (!colleague.get().onlineSince(cutoff)) {
            return Optional.of(Outcome.AGENT_OFFLINE);
        }
        if (!colleague.get().languages().contains(language)) {
            return Optional.of(Outcome.AGENT_LACKS_LANGUAGE);
        }
        return Optional.empty();
    }

    private Outcome direct(String supervisor, Chat chat, String toAgent) {
        if (!chats.direct(chat.conversation(), toAgent)) {
            return chats.find(chat.conversation()).isPresent() ? Outcome.TAKEN_BY_ANOTHER : notWithPeople(chat.conversation());
        }
        Instant now = clock.instant();
        handoffLog.record(chat.conversation(), Kind.TRANSFERRED, null,
                QueueKeeper.describe(new TransferTarget.Agent(toAgent)), supervisor, now);
        afterCommit.publish(new HandoffEvents.QueueChanged(now));
        afterCommit.route();
        return Outcome.DONE;
    }

    /** The conversation is not waiting for or with a person: unknown, closed, or still with the bot. */
    private Outcome notWithPeople(ConversationId id) {
        Optional<ConversationState> state = conversations.find(id).map(ConversationSummary::state);
        if (state.isEmpty()) {
            return Outcome.UNKNOWN_CONVERSATION;
        }
        return switch (state.get()) {
            case AWAITING_RATING, AWAITING_COMMENT, CLOSED -> Outcome.ALREADY_CLOSED;
            default -> Outcome.NOT_WAITING;
        };
    }
}
