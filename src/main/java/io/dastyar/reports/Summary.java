package io.dastyar.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * {@code GET /api/reports/summary}: every figure of docs/reports.md for the conversations asked about. Shares are
 * percentages (0-100, one decimal) and null when their denominator is zero; durations are seconds.
 */
record Summary(Period period, Map<String, String> filters, Instant refreshedAt, long conversations, Csat csat,
               Nps nps, Service service, Bot bot, Map<String, List<Breakdown>> breakdowns) {

    record Period(LocalDate from, LocalDate to, String timeZone) {
    }

    /** {@code distribution}: current ratings by score, "1" to "5". */
    record Csat(@Nullable Double percent, long responses, long good, long surveys, @Nullable Double responseRate,
                long late, long replaced, Map<String, Long> distribution) {
    }

    record Nps(@Nullable Double score, long responses, long promoters, long passives, long detractors) {
    }

    record Spread(@Nullable Double median, @Nullable Double p90, long count) {
    }

    record Target(long targetSeconds, @Nullable Double percent, long answered, long eligible) {
    }

    record Service(long handedOff, @Nullable Double handOffRate, long assigned, long abandoned, long reopened,
                   Spread firstResponse, Spread queueWait, Spread resolution,
                   @Nullable Double transfersPerConversation, long transfers, Target answeredWithinTarget) {
    }

    record Share(@Nullable Double percent, long count, long eligible) {
    }

    record Bot(Share containment, Share containmentWithGoodRating, Share durableContainment, long questions,
               long unanswered, @Nullable Double unansweredPercent) {
    }

    /** One value of a dimension (an agent, a channel, ...): its conversations and their CSAT. */
    record Breakdown(String key, long conversations, long responses, @Nullable Double csatPercent,
                     @Nullable Double firstResponseMedian) {
    }

    static @Nullable Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 1000.0 / whole) / 10.0;
    }
}
