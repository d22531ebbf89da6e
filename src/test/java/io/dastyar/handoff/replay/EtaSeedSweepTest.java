package io.dastyar.handoff.replay;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.dastyar.handoff.eta.EtaSettings;

/**
 * Not one lucky seed: twenty days of each profile, for each of a few settings, summarised. Slow (about 15 s), so
 * only on request: {@code ./mvnw test -Dtest=EtaSeedSweepTest -DargLine=-Deta.sweep=true}.
 */
@EnabledIfSystemProperty(named = "eta.sweep", matches = "true")
class EtaSeedSweepTest {

    private static final List<DayProfile> PROFILES = List.of(DayProfiles.weekday(), DayProfiles.busyMonday(),
            DayProfiles.quietSunday(), DayProfiles.sickDay());

    @Test
    void twentyDaysOfEachProfile() {
        EtaSettings defaults = EtaSettings.DEFAULTS;
        sweep("defaults (15-85%, 2 h)", defaults);
        sweep("range 20-80%", new EtaSettings(defaults.window(), defaults.defaultHandleTime(),
                defaults.minimumSamples(), defaults.assignmentDelay(), 0.20, 0.80));
        sweep("range 10-90%", new EtaSettings(defaults.window(), defaults.defaultHandleTime(),
                defaults.minimumSamples(), defaults.assignmentDelay(), 0.10, 0.90));
        sweep("window 1 h", new EtaSettings(Duration.ofHours(1), defaults.defaultHandleTime(),
                defaults.minimumSamples(), defaults.assignmentDelay(), 0.15, 0.85));
    }

    private static void sweep(String name, EtaSettings settings) {
        System.out.printf(Locale.ROOT, "%n%s%n  %-13s %-30s %-24s %-16s %-12s %s%n", name, "profile",
                "median error (mean of days)", "inside range (min, mean)", "> 1 min inside", "mean width",
                "beats both");
        for (DayProfile profile : PROFILES) {
            double[] median = new double[3];
            double minInside = 1;
            double meanInside = 0;
            double minInsideWaited = 1;
            double width = 0;
            int wins = 0;
            int days = 20;
            for (long seed = 100; seed < 100 + days; seed++) {
                ReplayResult result = QueueReplay.run(DayScriptGenerator.generate(profile, seed),
                        EtaReplayTest.forecasters(settings));
                for (int i = 0; i < 3; i++) {
                    median[i] += result.score(i).medianErrorMinutes() / days;
                }
                double inside = result.score(0).coverage();
                minInside = Math.min(minInside, inside);
                meanInside += inside / days;
                width += result.score(0).meanShownWidthMinutes() / days;
                minInsideWaited = Math.min(minInsideWaited,
                        result.score(0, ReplayResult.longerThanAMinute()).coverage());
                double estimate = result.score(0).medianErrorMinutes();
                wins += estimate < result.score(1).medianErrorMinutes()
                        && estimate < result.score(2).medianErrorMinutes() ? 1 : 0;
            }
            System.out.printf(Locale.ROOT,
                    "  %-13s %.2f / %.2f / %.2f %12s %3.0f%%, %3.0f%% %13s %3.0f%% %12.1f %8d/%d%n", profile.name(),
                    median[0], median[1], median[2], "", 100 * minInside, 100 * meanInside, "",
                    100 * minInsideWaited, width, wins, days);
        }
    }
}
