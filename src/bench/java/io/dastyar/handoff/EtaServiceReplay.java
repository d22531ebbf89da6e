package io.dastyar.handoff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.handoff.replay.DayProfiles;
import io.dastyar.handoff.replay.DayScript;
import io.dastyar.handoff.replay.DayScriptGenerator;
import io.dastyar.handoff.replay.ReplayResult;
import io.dastyar.support.MutableClock;

/**
 * The ETA replay through the real service (see {@link ServiceDayReplay}): the five days of the simulated replay's
 * table in docs/eta.md, one after another on one embedded PostgreSQL, each scored against today's 3 minutes a place
 * and a moving average of the last 20 waits. A benchmark, not a test: it prints and writes its table
 * (target/bench/eta-service-replay.md) and says whether each day met the target; it fails only if a day cannot be
 * played.
 *
 * <pre>./mvnw -Pbench-eta verify [-Deta.days=1]   # the first N days only</pre>
 */
@HandoffBench
class EtaServiceReplay {

    private static final List<String> FORECASTERS = List.of("shown range", "3 min × place", "mean of last 20");

    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    HandoffService agentsAdmin;
    @Autowired
    Router router;
    @Autowired
    QueueOutlook outlook;
    @Autowired
    MutableClock clock;

    @Test
    void replayTheDaysThroughTheService() throws IOException {
        List<DayScript> days = List.of(
                DayScriptGenerator.generate(DayProfiles.weekday(), 1),
                DayScriptGenerator.generate(DayProfiles.weekday(), 2),
                DayScriptGenerator.generate(DayProfiles.busyMonday(), 3),
                DayScriptGenerator.generate(DayProfiles.quietSunday(), 4),
                DayScriptGenerator.generate(DayProfiles.sickDay(), 5));
        int count = Integer.getInteger("eta.days", days.size());
        var table = new StringBuilder("""
                | day (seed) | customers: served / gave up | forecaster | notices | median | p90 | inside | width \
                | waited > 1 min: notices | median | p90 | inside | width | played in |
                |---|---|---|---|---|---|---|---|---|---|---|---|---|---|
                """);
        for (DayScript day : days.subList(0, count)) {
            long started = System.nanoTime();
            ReplayResult result = new ServiceDayReplay(conversations, handoff, agentsAdmin, router, outlook, clock)
                    .run(day, shiftToAfter(day, clock.instant()));
            double seconds = (System.nanoTime() - started) / 1e9;
            appendRows(table, result, seconds);
            System.out.println(verdict(result));
        }
        System.out.println(table);
        Path out = Files.createDirectories(Path.of("target/bench")).resolve("eta-service-replay.md");
        Files.writeString(out, table);
    }

    /** Moves the scripted day to the first midnight after {@code now}: the test clock only goes forward. */
    private static Duration shiftToAfter(DayScript day, Instant now) {
        Instant scriptedMidnight = day.events().getFirst().at().truncatedTo(ChronoUnit.DAYS);
        return Duration.between(scriptedMidnight, now.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1)));
    }

    private static void appendRows(StringBuilder table, ReplayResult result, double seconds) {
        for (int i = 0; i < FORECASTERS.size(); i++) {
            String day = i == 0 ? "%s (%d)".formatted(result.script().name(), result.script().seed()) : "";
            String customers = i == 0 ? "%d / %d".formatted(result.assigned(), result.abandoned()) : "";
            String name = i == 0 ? "**" + FORECASTERS.get(i) + "**" : FORECASTERS.get(i);
            table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", day, customers, name,
                    cells(result.score(i), i == 0), cells(result.score(i, ReplayResult.longerThanAMinute()), i == 0),
                    i == 0 ? "%.0f s".formatted(seconds) : ""));
        }
    }

    private static String cells(ReplayResult.Score score, boolean ranged) {
        return String.format(Locale.ROOT, "%,d | %.2f | %.2f | %s | %s", score.notices(), score.medianErrorMinutes(),
                score.p90ErrorMinutes(), ranged ? "%.0f%%".formatted(100 * score.coverage()) : "",
                ranged ? "%.1f".formatted(score.meanShownWidthMinutes()) : "");
    }

    private static String verdict(ReplayResult result) {
        ReplayResult.Score shown = result.score(0);
        boolean beatsBoth = shown.medianErrorMinutes() < result.score(1).medianErrorMinutes()
                && shown.medianErrorMinutes() < result.score(2).medianErrorMinutes();
        return String.format(Locale.ROOT,
                "%s (seed %d): %d customers, %d got an agent, %d gave up, %d left waiting at closing, "
                        + "%d notices without a wait (nobody online); beats both baselines on median error: %s; "
                        + "inside the range: %.0f%% (target ≥ 70%%)",
                result.script().name(), result.script().seed(), result.customers(), result.assigned(),
                result.abandoned(), result.leftWaiting(), result.silent(0), beatsBoth ? "yes" : "NO",
                100 * shown.coverage());
    }
}
