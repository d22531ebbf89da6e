package io.dastyar.conversation;

/** What an inbound message means in the conversation's current state. */
sealed interface Interpretation {

    /** Offer this event to the state machine. */
    record Fire(ConversationEvent event, String text, Integer rating) implements Interpretation {
        Fire(ConversationEvent event) {
            this(event, null, null);
        }
    }

    /** Answer directly with this bundle message; the state stays as it is. */
    record Respond(String messageKey) implements Interpretation {
    }
}
