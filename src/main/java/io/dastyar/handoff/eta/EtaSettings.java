package io.dastyar.handoff.eta;

import java.time.Duration;

/**
 * How the wait is estimated, set as {@code support.handoff.eta.*}. {@link #DEFAULTS} are the values the replay in
 * {@code docs/eta.md} was measured with, and the settings' defaults.
 *
 * @param window             how far back handle times and waits count: long enough for a sample, short enough to
 *                           follow the day's shifts
 * @param defaultHandleTime  the mean handle time assumed while fewer than {@code minimumSamples} chats ended in
 *                           the window (first thing in the morning, a new desk)
 * @param minimumSamples     how many ended chats, or customers who left the queue, are enough to learn from
 * @param assignmentDelay    the wait of a customer a free agent can take at once: none while routing assigns as
 *                           soon as a slot is free; more if agents come to accept chats
 * @param lowQuantile        the range shown runs from this quantile of the predicted wait ...
 * @param highQuantile       ... to this one: 15-85% keeps at least 70% of actual waits inside the range shown,
 *                           once rounded to whole minutes, on every replayed day
 */
public record EtaSettings(Duration window, Duration defaultHandleTime, int minimumSamples, Duration assignmentDelay,
        double lowQuantile, double highQuantile) {

    public static final EtaSettings DEFAULTS = new EtaSettings(Duration.ofHours(2), Duration.ofMinutes(6), 10,
            Duration.ZERO, 0.15, 0.85);

    public EtaSettings {
        if (!window.isPositive() || !defaultHandleTime.isPositive() || assignmentDelay.isNegative()) {
            throw new IllegalArgumentException("window and default handle time must be positive, delay not negative");
        }
        if (minimumSamples < 1) {
            throw new IllegalArgumentException("minimumSamples must be at least 1: " + minimumSamples);
        }
        if (!(0 < lowQuantile && lowQuantile < 0.5 && 0.5 < highQuantile && highQuantile < 1)) {
            throw new IllegalArgumentException("need 0 < lowQuantile < 0.5 < highQuantile < 1");
        }
    }
}
