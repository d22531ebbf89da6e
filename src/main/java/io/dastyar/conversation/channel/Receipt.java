package io.dastyar.conversation.channel;

import java.util.Optional;

import io.dastyar.conversation.ConversationId;

/**
 * What became of an inbound message; an ignored first message opens no conversation.
 *
 * @param line the message's line in the transcript, when it was stored (now or the first time it came)
 */
public record Receipt(Optional<ConversationId> conversation, Outcome outcome, Optional<Long> line) {

    public Receipt(Optional<ConversationId> conversation, Outcome outcome) {
        this(conversation, outcome, Optional.empty());
    }

    public enum Outcome {
        /** Stored and acted on. */
        ACCEPTED,
        /** Seen before under the same client message id: nothing was done again. */
        DUPLICATE,
        /** Empty: nothing to do. */
        IGNORED,
        /** Refused with a notice to the customer, for example because it was too long. */
        REFUSED
    }
}
