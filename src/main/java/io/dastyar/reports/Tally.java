package io.dastyar.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * The figures of a group of conversations that add up (docs/reports.md): how many conversations count for each
 * figure, and the histograms of their service times. A roll-up row holds one; a report adds up those of its range.
 */
final class Tally {

    /** What one conversation adds to each count: the definitions of docs/reports.md. */
    enum Count {
        CONVERSATIONS(f -> 1),
        SURVEYS(f -> f.surveyAsked() ? 1 : 0),
        RESPONSES(f -> f.rating() != null ? 1 : 0),
        GOOD(f -> f.rating() != null && f.rating() >= 4 ? 1 : 0),
        RATING_1(f -> rated(f, 1)), RATING_2(f -> rated(f, 2)), RATING_3(f -> rated(f, 3)),
        RATING_4(f -> rated(f, 4)), RATING_5(f -> rated(f, 5)),
        LATE(f -> f.rating() != null && f.ratingLate() ? 1 : 0),
        REPLACED(f -> f.rating() != null && f.ratingReplaced() ? 1 : 0),
        NPS(f -> f.nps() != null ? 1 : 0),
        PROMOTERS(f -> f.nps() != null && f.nps() >= 9 ? 1 : 0),
        DETRACTORS(f -> f.nps() != null && f.nps() <= 6 ? 1 : 0),
        QUEUED(f -> f.queued() ? 1 : 0),
        ASSIGNED(f -> f.assigned() ? 1 : 0),
        ABANDONED(f -> f.queued() && !f.assigned() && f.closedAt() != null ? 1 : 0),
        REOPENED(f -> f.reopened() ? 1 : 0),
        TRANSFERS(f -> f.assigned() ? f.transfers() : 0),
        CONTAIN_ELIGIBLE(f -> containEligible(f) ? 1 : 0),
        CONTAINED(f -> containEligible(f) && !f.queued() ? 1 : 0),
        CONTAINED_GOOD(f -> containEligible(f) && !f.queued() && f.rating() != null && f.rating() >= 4 ? 1 : 0),
        DURABLE_ELIGIBLE(f -> containEligible(f) && f.cameBack() != null ? 1 : 0),
        DURABLE(f -> containEligible(f) && !f.queued() && Boolean.FALSE.equals(f.cameBack()) ? 1 : 0),
        QUESTIONS(Fact::questions),
        UNANSWERED(Fact::unanswered);

        private final ToIntFunction<Fact> of;

        Count(ToIntFunction<Fact> of) {
            this.of = of;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }

        private static int rated(Fact fact, int score) {
            return fact.rating() != null && fact.rating() == score ? 1 : 0;
        }

        private static boolean containEligible(Fact fact) {
            return fact.closedAt() != null && fact.personAvailable();
        }
    }

    /** The service times, in seconds, of the conversations that have one. */
    enum Time {
        FIRST_RESPONSE(Fact::firstResponseSeconds),
        QUEUE_WAIT(Fact::queueWaitSeconds),
        RESOLUTION(Fact::resolutionSeconds),
        UNANSWERED_WAIT(Fact::unansweredWaitSeconds);

        private final Function<Fact, Integer> of;

        Time(Function<Fact, Integer> of) {
            this.of = of;
        }

        String column() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Count, Long> counts = new EnumMap<>(Count.class);
    private final Map<Time, Histogram> times = new EnumMap<>(Time.class);

    Tally() {
        for (Count count : Count.values()) {
            counts.put(count, 0L);
        }
        for (Time time : Time.values()) {
            times.put(time, new Histogram());
        }
    }

    /** A roll-up row's figures: the given counts and times, read by their column names. */
    static Tally read(ResultSet rs, List<Count> counts, List<Time> times) throws SQLException {
        var tally = new Tally();
        for (Count count : counts) {
            tally.counts.put(count, rs.getLong(count.column()));
        }
        for (Time time : times) {
            tally.times.put(time, Histogram.parse(rs.getString(time.column())));
        }
        return tally;
    }

    void add(Fact fact) {
        counts.replaceAll((count, value) -> value + count.of.applyAsInt(fact));
        times.forEach((time, histogram) -> histogram.add(time.of.apply(fact)));
    }

    /** Adds another group's counts, and of its times those asked for. */
    Tally addAll(Tally other, List<Time> which) {
        other.counts.forEach((count, value) -> counts.merge(count, value, Long::sum));
        which.forEach(time -> times.get(time).addAll(other.times.get(time)));
        return this;
    }

    long get(Count count) {
        return counts.get(count);
    }

    Histogram get(Time time) {
        return times.get(time);
    }
}
