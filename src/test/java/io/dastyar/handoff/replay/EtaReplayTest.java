package io.dastyar.handoff.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.handoff.eta.WaitEstimator;

/**
 * Replays five scripted days and compares what customers would have been told with how long they then waited:
 * the estimate against today's 3 minutes a place and a moving average of recent waits. Figures in docs/eta.md.
 */
class EtaReplayTest {

    static final List<DayScript> DAYS = List.of(
            DayScriptGenerator.generate(DayProfiles.weekday(), 1),
            DayScriptGenerator.generate(DayProfiles.weekday(), 2),
            DayScriptGenerator.generate(DayProfiles.busyMonday(), 3),
            DayScriptGenerator.generate(DayProfiles.quietSunday(), 4),
            DayScriptGenerator.generate(DayProfiles.sickDay(), 5));

    static final List<String> FORECASTERS = List.of("estimate", "3 min × place", "mean of last 20");

    static List<WaitForecaster> forecasters(EtaSettings settings) {
        return List.of(WaitForecaster.of(new WaitEstimator(settings)),
                WaitForecaster.fixedPerPlace(Duration.ofMinutes(3)),
                WaitForecaster.movingAverage(20, Duration.ofMinutes(3)));
    }

    @Test
    void theEstimateBeatsBothBaselinesAndMostActualWaitsFallInsideTheRangeShown() {
        for (DayScript day : DAYS) {
            ReplayResult result = QueueReplay.run(day, forecasters(EtaSettings.DEFAULTS));
            print(result);
            ReplayResult.Score estimate = result.score(0);
            assertThat(estimate.notices()).as("notices scored on " + day.name()).isGreaterThan(300);
            assertThat(estimate.medianErrorMinutes()).as(day.name() + ": median error vs 3 min × place")
                    .isLessThan(result.score(1).medianErrorMinutes());
            assertThat(estimate.medianErrorMinutes()).as(day.name() + ": median error vs mean of last 20")
                    .isLessThan(result.score(2).medianErrorMinutes());
            assertThat(estimate.coverage()).as(day.name() + ": actual waits inside the range shown")
                    .isGreaterThanOrEqualTo(0.70);
        }
    }

    static void print(ReplayResult result) {
        System.out.printf(Locale.ROOT,
                "%n%s, seed %d: %d customers, %d got an agent, %d gave up, %d left waiting; "
                        + "%d notices without an estimate%n",
                result.script().name(), result.script().seed(), result.customers(), result.assigned(),
                result.abandoned(), result.leftWaiting(), result.silent(0));
        System.out.printf(Locale.ROOT, "  %-16s | %-36s | %-36s%n", "error in minutes", "every notice",
                "notices to those who then waited > 1 min");
        System.out.printf(Locale.ROOT, "  %-16s | %5s %6s %6s %7s %7s | %5s %6s %6s %7s %7s%n", "", "n", "median",
                "p90", "inside", "width", "n", "median", "p90", "inside", "width");
        for (int i = 0; i < FORECASTERS.size(); i++) {
            System.out.printf(Locale.ROOT, "  %-16s | %s | %s%n", FORECASTERS.get(i), row(result.score(i)),
                    row(result.score(i, ReplayResult.longerThanAMinute())));
        }
    }

    private static String row(ReplayResult.Score score) {
        return "%5d %6.2f %6.2f %7s %7s".formatted(score.notices(), score.medianErrorMinutes(),
                score.p90ErrorMinutes(),
                Double.isNaN(score.coverage()) ? "-" : "%.0f%%".formatted(100 * score.coverage()),
                Double.isNaN(score.meanShownWidthMinutes()) ? "-" : "%.1f".formatted(score.meanShownWidthMinutes()));
    }
}
