package io.dastyar.handoff;

import java.time.Instant;
import java.util.Optional;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/**
 * A conversation waiting for a person.
 *
 * @param place        1 for the first in line
 * @param waitingSince when it joined the queue (a transferred or requeued chat keeps its place at the front)
 * @param target       whom a transfer named, if anyone: only that agent, or that team, takes it
 */
public record WaitingChat(ConversationId conversation, String channel, Language language, Instant waitingSince,
                          int place, Optional<TransferTarget> target) {
}
