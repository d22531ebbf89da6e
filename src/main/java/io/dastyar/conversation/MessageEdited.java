package io.dastyar.conversation;

import java.time.Instant;

/**
 * A customer edited a message they had sent: its transcript {@code line} has new text (the first is kept). Published
 * in the transaction that changed it, so listeners after the commit read the new text.
 */
public record MessageEdited(ConversationId conversation, long line, Instant at) {
}
