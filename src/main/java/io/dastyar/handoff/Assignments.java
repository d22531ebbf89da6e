package io.dastyar.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.ChatStore.Chat;
import io.dastyar.handoff.Handoff.Outcome;

/**
 * Chats changing hands: an agent wins a waiting chat (a conditional update in a short transaction of its own, with the
 * agent's row locked so their capacity holds), and only then, outside that transaction, the conversation is assigned
 * to them. A chat whose conversation moved on meanwhile goes back. An agent who leaves has their chats sent back to
 * the front of the queue.
 */
@Component
class Assignments {

    private static final Logger log = LoggerFactory.getLogger(Assignments.class);

    private final ChatStore chats;
    private final AgentStore agents;
    private final Conversations conversations;
    private final Accounts accounts;
    private final TransactionTemplate transactions;
    private final AfterCommit afterCommit;
    private final RoutingProperties properties;
    private final Clock clock;

    Assignments(ChatStore chats, AgentStore agents, Conversations conversations, Accounts accounts,
                TransactionTemplate transactions, AfterCommit afterCommit, RoutingProperties properties, Clock clock) {
        this.chats = chats;
        this.agents = agents;
        this.conversations = conversations;
        this.accounts = accounts;
        this.transactions = transactions;
        this.afterCommit = afterCommit;
        this.properties = properties;
        this.clock = clock;
    }

    /** Wins a waiting chat for the agent and assigns the conversation to them. */
    Outcome claimAndAssign(String agent, ConversationId id) {
        Outcome claimed = transactions.execute(status -> claim(agent, id));
        if (claimed != Outcome.DONE) {
            return claimed;
        }
        return assign(agent, id) ? Outcome.DONE : Outcome.NOT_WAITING;
    }

    private Outcome claim(String agent, ConversationId id) {
        Optional<AgentStore.Agent> holder = agents.lock(agent);
        if (holder.isEmpty()) {
            return Outcome.UNKNOWN_AGENT;
        }
        Optional<Chat> chat = chats.find(id);
        if (chat.isEmpty()) {
            return conversations.find(id).isPresent() ? Outcome.NOT_WAITING : Outcome.UNKNOWN_CONVERSATION;
        }
        if (chat.get().agent() != null) {
            return chat.get().agent().equals(agent) ? Outcome.NOT_WAITING : Outcome.TAKEN_BY_ANOTHER;
        }
        if (chat.get().status() != ChatStore.Status.WAITING) {
            return Outcome.NOT_WAITING;
        }
        if (chat.get().meantForOtherThan(holder.get())) {
            return Outcome.MEANT_FOR_ANOTHER;
        }
        if (!holder.get().hasRoom()) {
            return Outcome.AGENT_FULL;
        }
        Instant now = clock.instant();
        if (!chats.claim(id, agent, now)) {
            return chats.find(id).map(Chat::agent).isPresent() ? Outcome.TAKEN_BY_ANOTHER : Outcome.NOT_WAITING;
        }
        agents.assigned(agent, now);
        afterCommit.publish(new HandoffEvents.QueueChanged(now));
        return Outcome.DONE;
    }

    /** Assigns the conversation of a chat the agent has won; a conversation that moved on gives the chat back. */
    private boolean assign(String agent, ConversationId id) {
        try {
            if (conversations.assign(id, displayName(agent))) {
                return true;
            }
        } catch (RuntimeException e) {
            log.warn("Assigning {} to {} failed; it goes back to the queue", id, agent, e);
        }
        if (chats.unclaim(id, agent)) {
            afterCommit.publish(new HandoffEvents.QueueChanged(clock.instant()));
            afterCommit.route();
        }
        return false;
    }

    String displayName(String agent) {
        return agents.find(agent).map(AgentStore.Agent::displayName)
                .or(() -> accounts.byUsername(agent).map(Accounts.Account::displayName))
                .orElse(agent);
    }

    /**
     * Sends a held chat back to the queue: the holder marks why, then the conversation goes from the agent to the
     * queue, and {@link QueueKeeper} puts it back in its old place.
     *
     * @return false when the agent did not hold it, or the conversation had moved on
     */
    boolean release(String agent, ConversationId id, String why, @Nullable TransferTarget target) {
        return release(agent, id, why, target, null);
    }

    /** As {@link #release(String, ConversationId, String, TransferTarget)}, ordered by a supervisor ({@code by}). */
    boolean release(String agent, ConversationId id, String why, @Nullable TransferTarget target, @Nullable String by) {
        String targetAgent = target instanceof TransferTarget.Agent a ? a.username() : null;
        String targetTeam = target instanceof TransferTarget.Team t ? t.name() : null;
        if (!chats.releasing(id, agent, why, targetAgent, targetTeam, by)) {
            return false;
        }
        boolean moved;
        try {
            moved = conversations.fire(id, ConversationEvent.TRANSFERRED);
        } catch (RuntimeException e) {
            chats.cancelReleasing(id, agent);
            throw e;
        }
        if (!moved) {
            chats.cancelReleasing(id, agent);
        }
        return moved;
    }

    /** The chats of an agent who has gone go back to the front of the queue. */
    void requeueChatsOf(String agent) {
        chats.forgetTarget(agent);
        for (Chat chat : chats.of(agent)) {
            if (chat.status() == ChatStore.Status.CLAIMED) {
                if (chats.unclaim(chat.conversation(), agent)) {
                    afterCommit.publish(new HandoffEvents.QueueChanged(clock.instant()));
                }
                continue;
            }
            try {
                if (!release(agent, chat.conversation(), HandoffLog.Kind.REQUEUED.name(), null)) {
                    reconcile(chat);
                }
            } catch (RuntimeException e) {
                log.warn("Could not requeue {} of {}; the sweep will try again", chat.conversation(), agent, e);
            }
        }
        afterCommit.route();
    }

    /** Claims left half-done (the instance stopped between winning a chat and assigning it) are put right. */
    void repairClaims() {
        for (Chat chat : chats.claimedBefore(clock.instant().minus(properties.repairAfter()))) {
            reconcile(chat);
        }
    }

    /** Brings a chat's row in line with its conversation's state. */
    private void reconcile(Chat chat) {
        Optional<ConversationState> state = conversations.find(chat.conversation()).map(ConversationSummary::state);
        if (state.isEmpty() || !List.of(ConversationState.QUEUED, ConversationState.WITH_AGENT).contains(state.get())) {
            chats.remove(chat.conversation());
        } else if (state.get() == ConversationState.QUEUED && chat.agent() != null) {
            if (chat.status() == ChatStore.Status.CLAIMED) {
                chats.unclaim(chat.conversation(), chat.agent());
            } else {
                chats.requeue(chat.conversation());
            }
        } else if (state.get() == ConversationState.WITH_AGENT && chat.status() == ChatStore.Status.CLAIMED) {
            chats.hold(chat.conversation(), chat.customer(), chat.language(), clock.instant());
        }
        afterCommit.publish(new HandoffEvents.QueueChanged(clock.instant()));
    }
}
