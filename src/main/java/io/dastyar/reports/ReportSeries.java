package io.dastyar.reports;

import static io.dastyar.reports.Summary.percent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.dastyar.reports.Tally.Count;
import io.dastyar.reports.Tally.Time;

/** {@code GET /api/reports/series}: what the dashboard's charts draw, over the same conversations as the summary. */
@Component
class ReportSeries {

    /** Upper bounds (seconds, exclusive) of the first-response-time chart's bars; the last bar has none. */
    static final List<Integer> RESPONSE_BOUNDS = List.of(30, 60, 120, 300, 600, 1800, 3600);

    /** What a day's or week's point shows. */
    private static final List<Count> POINT_COUNTS = List.of(Count.CONVERSATIONS, Count.RESPONSES, Count.GOOD,
            Count.CONTAIN_ELIGIBLE, Count.CONTAINED);

    private final Rollup rollup;
    private final FactStore facts;

    ReportSeries(Rollup rollup, FactStore facts) {
        this.rollup = rollup;
        this.facts = facts;
    }

    /** A day's or week's (starting on {@code start}) conversations, CSAT and containment. */
    record Point(LocalDate start, long conversations, long responses, @Nullable Double csatPercent,
                 long containEligible, @Nullable Double containmentPercent) {
    }

    /** Queue waits of the customers who joined the queue in one hour of the day (0-23). */
    record HourlyWait(int hour, long waits, @Nullable Double median, @Nullable Double p90) {
    }

    /** A bar of the first-response-time chart: replies at least {@code from} and under {@code to} seconds. */
    record Bucket(int from, @Nullable Integer to, long count) {
    }

    record Series(List<Point> days, List<Point> weeks, List<Bucket> firstResponse, List<HourlyWait> queueByHour) {
    }

    Series of(ReportQuery query, DayOfWeek weekStart) {
        var days = new TreeMap<LocalDate, Tally>();
        rollup.read("report_day", "day", query, POINT_COUNTS, List.of(Time.FIRST_RESPONSE), (rs, tally) ->
                days.computeIfAbsent(rs.getDate(1).toLocalDate(), day -> new Tally())
                        .addAll(tally, List.of(Time.FIRST_RESPONSE)));
        var weeks = new TreeMap<LocalDate, Tally>();
        var firstResponse = new Histogram();
        days.forEach((day, tally) -> {
            weeks.computeIfAbsent(day.with(TemporalAdjusters.previousOrSame(weekStart)), week -> new Tally())
                    .addAll(tally, List.of());
            firstResponse.addAll(tally.get(Time.FIRST_RESPONSE));
        });
        return new Series(points(days), points(weeks), buckets(firstResponse), queueByHour(query));
    }

    private static List<Point> points(Map<LocalDate, Tally> tallies) {
        return tallies.entrySet().stream().map(entry -> {
            Tally tally = entry.getValue();
            return new Point(entry.getKey(), tally.get(Count.CONVERSATIONS), tally.get(Count.RESPONSES),
                    percent(tally.get(Count.GOOD), tally.get(Count.RESPONSES)), tally.get(Count.CONTAIN_ELIGIBLE),
                    percent(tally.get(Count.CONTAINED), tally.get(Count.CONTAIN_ELIGIBLE)));
        }).toList();
    }

    private static List<Bucket> buckets(Histogram firstResponse) {
        var buckets = new ArrayList<Bucket>();
        int lower = 0;
        for (int i = 0; i <= RESPONSE_BOUNDS.size(); i++) {
            Integer upper = i < RESPONSE_BOUNDS.size() ? RESPONSE_BOUNDS.get(i) : null;
            buckets.add(new Bucket(lower, upper, firstResponse.between(lower, upper == null ? Integer.MAX_VALUE : upper)));
            lower = upper == null ? lower : upper;
        }
        return List.copyOf(buckets);
    }

    /** The hour roll-up has no agent: an agent's waits are read from that agent's conversations. */
    private List<HourlyWait> queueByHour(ReportQuery query) {
        var byHour = new TreeMap<Integer, Histogram>();
        if (query.agent().isPresent()) {
            facts.of(query).stream().filter(fact -> fact.queueHour() != null).forEach(fact ->
                    byHour.computeIfAbsent(fact.queueHour(), hour -> new Histogram()).add(fact.queueWaitSeconds()));
        } else {
            rollup.read("report_day_hour", "queue_hour", query, List.of(), List.of(Time.QUEUE_WAIT), (rs, tally) ->
                    byHour.computeIfAbsent(rs.getInt(1), hour -> new Histogram()).addAll(tally.get(Time.QUEUE_WAIT)));
        }
        var hours = new ArrayList<HourlyWait>();
        for (int hour = 0; hour < 24; hour++) {
            Histogram waits = byHour.getOrDefault(hour, new Histogram());
            hours.add(new HourlyWait(hour, waits.count(), waits.percentile(0.5), waits.percentile(0.9)));
        }
        return hours;
    }
}
