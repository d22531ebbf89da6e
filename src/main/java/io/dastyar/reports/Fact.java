package io.dastyar.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One conversation's figures, as {@code report_conversation} keeps them (see V40 and docs/reports.md). Durations
 * are whole seconds.
 */
record Fact(UUID conversation, Instant createdAt, LocalDate day, String channel, String language, String state,
            @Nullable Instant closedAt, boolean queued, boolean assigned, boolean personAvailable,
            @Nullable String agent, @Nullable String team, @Nullable Integer queueHour,
            @Nullable Integer firstResponseSeconds, @Nullable Integer queueWaitSeconds,
            @Nullable Integer resolutionSeconds, @Nullable Integer unansweredWaitSeconds, int transfers,
            boolean reopened, boolean surveyAsked, @Nullable Integer rating, boolean ratingLate,
            boolean ratingReplaced, @Nullable Integer nps, int questions, int unanswered, @Nullable Boolean cameBack,
            boolean settled, Set<String> articles) {

    Fact withArticles(Set<String> offered) {
        return new Fact(conversation, createdAt, day, channel, language, state, closedAt, queued, assigned,
                personAvailable, agent, team, queueHour, firstResponseSeconds, queueWaitSeconds, resolutionSeconds,
                unansweredWaitSeconds, transfers, reopened, surveyAsked, rating, ratingLate, ratingReplaced, nps,
                questions, unanswered, cameBack, settled, offered);
    }
}
