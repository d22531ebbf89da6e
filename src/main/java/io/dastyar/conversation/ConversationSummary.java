package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

import io.dastyar.system.Language;

/** A read-only view of a conversation for other features. */
public record ConversationSummary(ConversationId id, ChannelAddress customer, Language language,
                                  ConversationState state, Optional<Integer> rating, Optional<String> ratingComment,
                                  Instant startedAt, Instant updatedAt, Optional<Instant> closedAt) {
}
