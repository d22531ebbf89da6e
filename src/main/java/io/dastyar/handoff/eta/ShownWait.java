package io.dastyar.handoff.eta;

import java.time.Duration;

/**
 * A wait range in whole minutes for customers to read: "less than a minute" or "3–7 min", never "0–0". The
 * estimate's range is widened to whole minutes (its low end rounded down, its high end up), so what is shown
 * covers at least what was estimated; {@link #covers} judges an actual wait against exactly what was shown.
 */
public record ShownWait(int fromMinutes, int toMinutes) {

    public ShownWait {
        if (fromMinutes < 0 || toMinutes <= fromMinutes) {
            throw new IllegalArgumentException("need 0 ≤ from < to: " + fromMinutes + "–" + toMinutes);
        }
    }

    public static ShownWait of(Duration low, Duration high) {
        int from = (int) low.toMinutes();
        long highSeconds = high.toSeconds() + (high.toNanosPart() > 0 ? 1 : 0);
        int to = (int) Math.max(from + 1, (highSeconds + 59) / 60);
        return new ShownWait(from, to);
    }

    /** Read as "less than a minute", rather than as a range. */
    public boolean underAMinute() {
        return toMinutes == 1;
    }

    /** Whether a customer who waited {@code actual} was told the truth. */
    public boolean covers(Duration actual) {
        return actual.compareTo(Duration.ofMinutes(fromMinutes)) >= 0
                && actual.compareTo(Duration.ofMinutes(toMinutes)) <= 0;
    }

    @Override
    public String toString() {
        return underAMinute() ? "less than a minute" : fromMinutes + "–" + toMinutes + " min";
    }
}
