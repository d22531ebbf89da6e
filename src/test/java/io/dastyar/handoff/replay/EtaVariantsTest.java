package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import io.dastyar.handoff.eta.Estimate;
import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.handoff.eta.PastWait;
import io.dastyar.handoff.eta.QueueSnapshot;
import io.dastyar.handoff.eta.ShownWait;
import io.dastyar.handoff.eta.WaitEstimator;

/**
 * The variants docs/eta.md compares the estimate with, on the five days of {@link EtaReplayTest}: without the
 * give-up rate, blended with recent waits at a similar place (Zendesk-style), and with other ranges and windows.
 * Only on request: {@code ./mvnw test -Dtest=EtaVariantsTest -DargLine=-Deta.sweep=true}.
 */
@EnabledIfSystemProperty(named = "eta.sweep", matches = "true")
class EtaVariantsTest {

    private static final WaitEstimator ESTIMATOR = new WaitEstimator(EtaSettings.DEFAULTS);

    private static final List<String> NAMES = List.of("estimate", "without give-ups", "blended, half weight",
            "blended, full weight", "range 20-80%", "window 1 h");

    @Test
    void variantsOnTheFiveDays() {
        EtaSettings defaults = EtaSettings.DEFAULTS;
        List<WaitForecaster> variants = List.of(WaitForecaster.of(ESTIMATOR),
                snapshot -> WaitForecaster.of(ESTIMATOR).forecast(withoutGiveUps(snapshot)),
                snapshot -> blended(snapshot, 0.5), snapshot -> blended(snapshot, 1),
                WaitForecaster.of(new WaitEstimator(new EtaSettings(defaults.window(), defaults.defaultHandleTime(),
                        defaults.minimumSamples(), defaults.assignmentDelay(), 0.2, 0.8))),
                WaitForecaster.of(new WaitEstimator(new EtaSettings(Duration.ofHours(1),
                        defaults.defaultHandleTime(), defaults.minimumSamples(), defaults.assignmentDelay(), 0.15,
                        0.85))));
        for (DayScript day : EtaReplayTest.DAYS) {
            ReplayResult result = QueueReplay.run(day, variants);
            System.out.printf(Locale.ROOT, "%n%s, seed %d (median / p90 / inside; then for waits > 1 min)%n",
                    day.name(), day.seed());
            for (int i = 0; i < NAMES.size(); i++) {
                ReplayResult.Score all = result.score(i);
                ReplayResult.Score waited = result.score(i, ReplayResult.longerThanAMinute());
                System.out.printf(Locale.ROOT, "  %-22s %5.2f %5.2f %4.0f%%   %5.2f %5.2f %4.0f%%%n", NAMES.get(i),
                        all.medianErrorMinutes(), all.p90ErrorMinutes(), 100 * all.coverage(),
                        waited.medianErrorMinutes(), waited.p90ErrorMinutes(), 100 * waited.coverage());
            }
        }
    }

    private static QueueSnapshot withoutGiveUps(QueueSnapshot snapshot) {
        return new QueueSnapshot(snapshot.at(), snapshot.place(), snapshot.agents(), snapshot.recentChats(),
                snapshot.recentWaits().stream().filter(PastWait::assigned).toList());
    }

    /**
     * Zendesk-style: the quantiles of the waits of recent customers who joined within a quarter of this place,
     * averaged with the model's, weighing the empirical more the more there are of them (up to {@code weight}).
     */
    private static Optional<WaitForecaster.Forecast> blended(QueueSnapshot snapshot, double weight) {
        Optional<Estimate> model = ESTIMATOR.estimate(snapshot);
        Instant since = snapshot.at().minus(EtaSettings.DEFAULTS.window());
        int tolerance = Math.max(1, snapshot.place() / 4);
        double[] similar = snapshot.recentWaits().stream()
                .filter(wait -> wait.assigned() && wait.leftAt().isAfter(since)
                        && Math.abs(wait.placeOnJoining() - snapshot.place()) <= tolerance)
                .mapToDouble(wait -> wait.waited().toMillis()).sorted().toArray();
        if (model.isEmpty() || similar.length < EtaSettings.DEFAULTS.minimumSamples()
                || model.get().expected().isZero()) {
            return model.map(eta -> new WaitForecaster.Forecast(eta.expected(), eta.shown()));
        }
        double w = weight * similar.length / (similar.length + EtaSettings.DEFAULTS.minimumSamples());
        Duration low = mix(model.get().low(), similar, 0.15, w);
        Duration expected = mix(model.get().expected(), similar, 0.5, w);
        Duration high = mix(model.get().high(), similar, 0.85, w);
        return Optional.of(new WaitForecaster.Forecast(expected, ShownWait.of(low, high)));
    }

    private static Duration mix(Duration model, double[] sortedMillis, double quantile, double weight) {
        double empirical = sortedMillis[Math.min(sortedMillis.length - 1, (int) (quantile * sortedMillis.length))];
        return Duration.ofMillis(Math.round((1 - weight) * model.toMillis() + weight * empirical));
    }
}
