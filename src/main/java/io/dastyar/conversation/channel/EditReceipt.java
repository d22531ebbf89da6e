package io.dastyar.conversation.channel;

import java.util.Optional;

import io.dastyar.conversation.ConversationId;

/**
 * What became of a customer's edit of a message they sent earlier.
 *
 * @param line the edited message's line in the transcript, when there is one
 */
public record EditReceipt(Outcome outcome, Optional<ConversationId> conversation, Optional<Long> line) {

    public enum Outcome {
        /** The line has the new text; the agent holding the chat sees it marked as edited. */
        EDITED,
        /** The text is what the line already says: nothing was done. */
        UNCHANGED,
        /** No message of this customer has that client message id (never received, or refused): nothing was done. */
        UNKNOWN_MESSAGE,
        /** The new text is empty or too long: the line keeps its text. */
        REFUSED
    }
}
