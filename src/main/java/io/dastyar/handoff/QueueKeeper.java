package io.dastyar.handoff;

import static io.dastyar.conversation.ConversationState.QUEUED;
import static io.dastyar.conversation.ConversationState.WITH_AGENT;

import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationMoved;
import io.dastyar.handoff.ChatStore.Chat;
import io.dastyar.handoff.HandoffEvents.ChatReleased.Why;
import io.dastyar.handoff.HandoffLog.Kind;

/**
 * Keeps the queue from the conversations' transitions, inside the conversation's own transaction, so that the two
 * never disagree: a conversation that enters {@code QUEUED} waits; one that leaves it for {@code WITH_AGENT} is held
 * by the agent who claimed it; one that leaves the queue or its agent for anything else is gone, and its agent has
 * room again. Hand-off's events are published, and routing runs, only after that transaction commits.
 */
@Component
class QueueKeeper {

    private final ChatStore chats;
    private final HandoffLog handoffLog;
    private final AfterCommit afterCommit;

    QueueKeeper(ChatStore chats, HandoffLog handoffLog, AfterCommit afterCommit) {
        this.chats = chats;
        this.handoffLog = handoffLog;
        this.afterCommit = afterCommit;
    }

    @EventListener
    void on(ConversationMoved moved) {
        if (moved.entered(QUEUED)) {
            queued(moved);
        } else if (moved.left(QUEUED) && moved.to() == WITH_AGENT) {
            assigned(moved);
        } else if (moved.left(QUEUED) || moved.left(WITH_AGENT)) {
            gone(moved);
        }
    }

    private void queued(ConversationMoved moved) {
        Optional<Chat> held = moved.from() == WITH_AGENT ? chats.find(moved.conversation()) : Optional.empty();
        if (held.isPresent()) {
            // Back to the front of the queue: it keeps its place in line and the transfer's target.
            Chat chat = held.get();
            boolean requeued = Kind.REQUEUED.name().equals(chat.releasing());
            chats.requeue(moved.conversation());
            handoffLog.record(moved.conversation(), requeued ? Kind.REQUEUED : Kind.TRANSFERRED, chat.agent(),
                    chat.target().map(QueueKeeper::describe).orElse(null), chat.releasedBy(), moved.at());
            if (chat.agent() != null) {
                afterCommit.publish(new HandoffEvents.ChatReleased(moved.conversation(), chat.agent(),
                        requeued ? Why.REQUEUED : Why.TRANSFERRED, moved.at()));
            }
        } else {
            chats.enqueue(moved.conversation(), moved.customer(), moved.language(), moved.at());
            handoffLog.record(moved.conversation(), Kind.QUEUED, null, null, moved.at());
        }
        afterCommit.publish(new HandoffEvents.QueueChanged(moved.at()));
        afterCommit.route();
    }

    private void assigned(ConversationMoved moved) {
        Optional<Chat> claimed = chats.find(moved.conversation());
        chats.hold(moved.conversation(), moved.customer(), moved.language(), moved.at());
        String agent = claimed.map(Chat::agent).orElse(null);
        handoffLog.record(moved.conversation(), Kind.ASSIGNED, agent, null, moved.at());
        if (agent != null) {
            afterCommit.publish(new HandoffEvents.ChatAssigned(moved.conversation(), agent, moved.at()));
        }
        afterCommit.publish(new HandoffEvents.QueueChanged(moved.at()));
    }

    private void gone(ConversationMoved moved) {
        Optional<Chat> chat = chats.find(moved.conversation());
        chats.remove(moved.conversation());
        boolean resolved = moved.event() == ConversationEvent.RESOLVED;
        String agent = chat.map(Chat::agent).orElse(null);
        handoffLog.record(moved.conversation(), resolved ? Kind.RESOLVED : Kind.ENDED, agent,
                resolved ? null : moved.event().name(), moved.at());
        if (agent != null && chat.get().status() == ChatStore.Status.HELD) {
            chats.rememberAgent(moved.customer(), agent, moved.at());
            afterCommit.publish(new HandoffEvents.ChatReleased(moved.conversation(), agent,
                    resolved ? Why.RESOLVED : Why.CLOSED_BY_CUSTOMER, moved.at()));
        }
        if (moved.from() == QUEUED) {
            afterCommit.publish(new HandoffEvents.QueueChanged(moved.at()));
        }
        // An agent has room again.
        afterCommit.route();
    }

    static String describe(TransferTarget target) {
        return switch (target) {
            case TransferTarget.Agent agent -> "agent:" + agent.username();
            case TransferTarget.Team team -> "team:" + team.name();
        };
    }
}
