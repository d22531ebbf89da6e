package io.dastyar.handoff;

import java.time.Instant;
import java.util.Optional;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/**
 * A chat waiting for a person or with one, as a supervisor sees it.
 *
 * @param agent      who holds it (or has just won it); empty while it waits
 * @param assignedAt since when they hold it
 * @param target     whom a transfer or reassignment named, while it waits for them
 */
public record ChatOverview(ConversationId conversation, String channel, Language language, Instant queuedAt,
                           Optional<String> agent, Optional<Instant> assignedAt, Optional<TransferTarget> target) {
}
