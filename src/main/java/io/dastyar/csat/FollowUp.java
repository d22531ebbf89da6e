package io.dastyar.csat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.dastyar.conversation.ConversationId;

/**
 * An unhappy customer to follow up, as supervisors see it.
 *
 * @param agent    the agent who last held the conversation; empty when the bot alone handled it
 * @param articles titles of the articles the bot gave or offered, first offered first
 * @param overdue  still open longer than {@code support.csat.follow-ups.flag-after}
 */
record FollowUp(long id, ConversationId conversation, String channel, String language, int score,
                Optional<String> comment, Optional<String> reason, Optional<String> agent, List<String> articles,
                Instant openedAt, Status status, Optional<String> assignee, Optional<Instant> closedAt,
                Optional<String> closedBy, List<Note> notes, boolean overdue) {

    enum Status { OPEN, CLOSED }

    record Note(String author, String text, Instant at) {
    }
}
