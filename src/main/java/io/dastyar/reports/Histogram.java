package io.dastyar.reports;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * How many conversations had each duration, in whole seconds: the roll-ups keep one per group and day, and adding
 * them up gives the durations of any range. Nothing is bucketed, so a percentile computed from it is the one
 * computed from the durations themselves. Stored as text, {@code "seconds:count,seconds:count"}, seconds ascending;
 * read back from any concatenation of such texts with commas (SQL's {@code string_agg}), empty ones included.
 */
final class Histogram {

    private final TreeMap<Integer, Long> counts = new TreeMap<>();
    private long total;

    static Histogram parse(@Nullable String text) {
        var histogram = new Histogram();
        if (text == null || text.isEmpty()) {
            return histogram;
        }
        int start = 0;
        while (start < text.length()) {
            int comma = text.indexOf(',', start);
            int end = comma < 0 ? text.length() : comma;
            if (end > start) {
                int colon = text.indexOf(':', start);
                histogram.add(Integer.parseInt(text, start, colon, 10), Long.parseLong(text, colon + 1, end, 10));
            }
            start = end + 1;
        }
        return histogram;
    }

    void add(@Nullable Integer seconds) {
        if (seconds != null) {
            add(seconds, 1);
        }
    }

    void add(int seconds, long count) {
        counts.merge(seconds, count, Long::sum);
        total += count;
    }

    void addAll(Histogram other) {
        other.counts.forEach(this::add);
    }

    long count() {
        return total;
    }

    /** How many lasted at least {@code from} and less than {@code to} seconds. */
    long between(int from, int to) {
        return counts.subMap(from, to).values().stream().mapToLong(Long::longValue).sum();
    }

    long atMost(long seconds) {
        return between(0, (int) Math.min(Integer.MAX_VALUE, seconds + 1));
    }

    long above(long seconds) {
        return total - atMost(seconds);
    }

    /**
     * The p-th percentile, interpolated as PostgreSQL's {@code percentile_cont} does: at rank p·(n−1) of the sorted
     * durations, between the two nearest; rounded to one decimal. Null without durations.
     */
    @Nullable Double percentile(double p) {
        if (total == 0) {
            return null;
        }
        double rank = p * (total - 1);
        long below = (long) Math.floor(rank);
        int lower = at(below);
        int upper = at((long) Math.ceil(rank));
        return Math.round((lower + (rank - below) * (upper - lower)) * 10.0) / 10.0;
    }

    /** The duration at a rank (0-based) of the sorted durations. */
    private int at(long rank) {
        long seen = 0;
        for (Map.Entry<Integer, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (rank < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("No rank " + rank + " among " + total);
    }

    @Override
    public String toString() {
        var text = new StringBuilder();
        counts.forEach((seconds, count) -> {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(seconds).append(':').append(count);
        });
        return text.toString();
    }
}
