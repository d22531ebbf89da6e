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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code GET /api/reports/series}: what the dashboard's charts draw, over the same conversations as the summary. */
@Component
class ReportSeries {

    /** Upper bounds (seconds, exclusive) of the first-response-time chart's bars; the last bar has none. */
    static final List<Integer> RESPONSE_BOUNDS = List.of(30, 60, 120, 300, 600, 1800, 3600);

    private final JdbcClient jdbc;

    ReportSeries(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        List<Counts> days = jdbc.sql("""
                        SELECT f.day, count(*), count(f.rating), count(*) FILTER (WHERE f.rating >= 4),
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available),
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available AND NOT f.queued)
                        FROM report_conversation f WHERE\s""" + query.where() + " GROUP BY f.day ORDER BY f.day")
                .params(query.parameters())
                .query((rs, row) -> new Counts(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)))
                .list();
        var weeks = new TreeMap<LocalDate, Counts>();
        days.forEach(day -> weeks.merge(day.start.with(TemporalAdjusters.previousOrSame(weekStart)),
                day, Counts::plus));
        return new Series(days.stream().map(Counts::point).toList(),
                weeks.entrySet().stream().map(week -> week.getValue().startingOn(week.getKey()).point()).toList(),
                firstResponse(query), queueByHour(query));
    }

    private List<Bucket> firstResponse(ReportQuery query) {
        var columns = new StringBuilder();
        int from = 0;
        for (int to : RESPONSE_BOUNDS) {
            columns.append("count(*) FILTER (WHERE f.first_response_s >= ").append(from)
                    .append(" AND f.first_response_s < ").append(to).append("), ");
            from = to;
        }
        columns.append("count(*) FILTER (WHERE f.first_response_s >= ").append(from).append(")");
        return jdbc.sql("SELECT " + columns + " FROM report_conversation f WHERE " + query.where())
                .params(query.parameters())
                .query((rs, row) -> {
                    var buckets = new ArrayList<Bucket>();
                    int lower = 0;
                    for (int i = 0; i <= RESPONSE_BOUNDS.size(); i++) {
                        Integer upper = i < RESPONSE_BOUNDS.size() ? RESPONSE_BOUNDS.get(i) : null;
                        buckets.add(new Bucket(lower, upper, rs.getLong(i + 1)));
                        lower = upper == null ? lower : upper;
                    }
                    return List.copyOf(buckets);
                })
                .single();
    }

    private List<HourlyWait> queueByHour(ReportQuery query) {
        Map<Integer, HourlyWait> measured = new TreeMap<>();
        jdbc.sql("""
                        SELECT f.queue_hour, count(f.queue_wait_s),
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY f.queue_wait_s) AS median,
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY f.queue_wait_s) AS p90
                        FROM report_conversation f WHERE\s""" + query.where()
                        + " AND f.queue_hour IS NOT NULL GROUP BY f.queue_hour")
                .params(query.parameters())
                .query(rs -> {
                    int hour = rs.getInt(1);
                    measured.put(hour, new HourlyWait(hour, rs.getLong(2), ReportQueries.nullable(rs, "median"),
                            ReportQueries.nullable(rs, "p90")));
                });
        var hours = new ArrayList<HourlyWait>();
        for (int hour = 0; hour < 24; hour++) {
            hours.add(measured.getOrDefault(hour, new HourlyWait(hour, 0, null, null)));
        }
        return hours;
    }

    private record Counts(LocalDate start, long conversations, long responses, long good, long containEligible,
                          long contained) {

        Counts plus(Counts other) {
            return new Counts(start, conversations + other.conversations, responses + other.responses,
                    good + other.good, containEligible + other.containEligible, contained + other.contained);
        }

        Counts startingOn(LocalDate day) {
            return new Counts(day, conversations, responses, good, containEligible, contained);
        }

        Point point() {
            return new Point(start, conversations, responses, percent(good, responses), containEligible,
                    percent(contained, containEligible));
        }
    }
}
