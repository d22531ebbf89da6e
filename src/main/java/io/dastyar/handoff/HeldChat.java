package io.dastyar.handoff;

import java.time.Instant;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/** A conversation an agent holds, since {@code assignedAt}; it first joined the queue at {@code queuedAt}. */
public record HeldChat(ConversationId conversation, String channel, Language language, Instant queuedAt,
                       Instant assignedAt) {
}
