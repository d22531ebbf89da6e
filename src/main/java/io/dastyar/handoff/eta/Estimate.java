package io.dastyar.handoff.eta;

import java.time.Duration;

/**
 * The expected wait for an agent and the range it probably falls in: {@code low} and {@code high} are quantiles
 * of the predicted wait (see {@link EtaSettings}), {@code expected} its median, which is the single figure least
 * far from the actual wait in the typical case.
 */
public record Estimate(Duration expected, Duration low, Duration high) {

    public Estimate {
        if (low.isNegative() || low.compareTo(expected) > 0 || expected.compareTo(high) > 0) {
            throw new IllegalArgumentException(
                    "need 0 ≤ low ≤ expected ≤ high: " + low + ", " + expected + ", " + high);
        }
    }

    /** The range in whole minutes, as a customer is told it. */
    public ShownWait shown() {
        return ShownWait.of(low, high);
    }
}
