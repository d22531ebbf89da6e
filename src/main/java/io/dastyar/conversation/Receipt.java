package io.dastyar.conversation;

import java.util.Optional;

/** What became of an inbound message; an ignored first message opens no conversation. */
public record Receipt(Optional<ConversationId> conversation, Outcome outcome) {

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
