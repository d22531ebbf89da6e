package io.dastyar.handoff.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ShownWaitTest {

    @Test
    void aRangeWithinTheFirstMinuteReadsLessThanAMinuteNeverZeroToZero() {
        assertThat(ShownWait.of(Duration.ZERO, Duration.ZERO)).hasToString("less than a minute");
        assertThat(ShownWait.of(Duration.ofSeconds(5), Duration.ofSeconds(40))).hasToString("less than a minute");
        assertThat(ShownWait.of(Duration.ZERO, Duration.ofMinutes(1)).underAMinute()).isTrue();
    }

    @Test
    void widensToWholeMinutes() {
        assertThat(ShownWait.of(Duration.ofSeconds(70), Duration.ofSeconds(260))).hasToString("1–5 min");
        assertThat(ShownWait.of(Duration.ofMinutes(2), Duration.ofMinutes(5))).hasToString("2–5 min");
        assertThat(ShownWait.of(Duration.ofSeconds(59), Duration.ofSeconds(61))).hasToString("0–2 min");
        assertThat(ShownWait.of(Duration.ofMinutes(3), Duration.ofMinutes(3))).hasToString("3–4 min");
        assertThat(ShownWait.of(Duration.ofMinutes(2), Duration.ofMinutes(5).plusNanos(1))).hasToString("2–6 min");
    }

    @Test
    void coversItsEndsToo() {
        ShownWait shown = new ShownWait(2, 5);

        assertThat(shown.covers(Duration.ofMinutes(2))).isTrue();
        assertThat(shown.covers(Duration.ofMinutes(5))).isTrue();
        assertThat(shown.covers(Duration.ofSeconds(119))).isFalse();
        assertThat(shown.covers(Duration.ofSeconds(301))).isFalse();
    }

    @Test
    void whatIsShownHoldsTheWholeEstimatedRangeAndAtMostTwoMinutesMore() {
        qt().forAll(longs().between(0, 7_200_000), longs().between(0, 7_200_000)).checkAssert((a, b) -> {
            Duration low = Duration.ofMillis(Math.min(a, b));
            Duration high = Duration.ofMillis(Math.max(a, b));
            ShownWait shown = ShownWait.of(low, high);

            assertThat(shown.covers(low)).isTrue();
            assertThat(shown.covers(high)).isTrue();
            assertThat(shown.toMinutes()).isGreaterThan(shown.fromMinutes());
            assertThat(Duration.ofMinutes(shown.toMinutes() - shown.fromMinutes()))
                    .isLessThanOrEqualTo(high.minus(low).plusMinutes(2));
        });
    }
}
