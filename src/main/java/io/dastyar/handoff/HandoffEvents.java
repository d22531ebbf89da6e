package io.dastyar.handoff;

import java.time.Instant;

import io.dastyar.conversation.ConversationId;

/**
 * What hand-off publishes, after the transaction that caused it has committed, for the agent workspace to show
 * live and for reports to count.
 */
public final class HandoffEvents {

    private HandoffEvents() {
    }

    /** Someone joined or left the queue, or moved in it. */
    public record QueueChanged(Instant at) {
    }

    /** An agent now holds a chat, by routing, a claim or a transfer. */
    public record ChatAssigned(ConversationId conversation, String agent, Instant at) {
    }

    /** An agent no longer holds a chat. */
    public record ChatReleased(ConversationId conversation, String agent, Why why, Instant at) {

        public enum Why { RESOLVED, TRANSFERRED, REQUEUED, CLOSED_BY_CUSTOMER }
    }
}
