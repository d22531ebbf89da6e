package io.dastyar.reports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What one conversation's figures are computed from, as the other features recorded it. */
record Sources(Conversation conversation, List<LogEntry> log, boolean surveyAsked, List<Answer> answers,
               List<Question> questions) {

    /**
     * @param nextVisit when the same customer (channel and recipient) next started a conversation after this one
     *                  closed
     */
    record Conversation(UUID id, Instant createdAt, String channel, String language, String state,
                        @Nullable Instant closedAt, @Nullable Instant nextVisit) {
    }

    /** A row of hand-off's log: kind QUEUED, ASSIGNED, FIRST_REPLY, TRANSFERRED, REQUEUED, RESOLVED or ENDED. */
    record LogEntry(String kind, @Nullable String agent, @Nullable String detail, Instant at) {
    }

    /** A CSAT answer: kind RATING (1-5) or NPS (0-10); a superseded one was replaced by a later answer. */
    record Answer(String kind, int score, boolean late, Instant answeredAt, @Nullable Instant supersededAt) {
    }

    /** A question the bot tried to answer; no article when it had no confident answer. */
    record Question(@Nullable String articleId) {
    }
}
