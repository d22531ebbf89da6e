package io.dastyar.conversation;

/** What an inbound message means in the conversation's current state. */
sealed interface Interpretation permits Trigger, Interpretation.Respond {

    /** Answer directly with this bundle message; the state stays as it is. */
    record Respond(String messageKey) implements Interpretation {
    }
}
