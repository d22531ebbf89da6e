package io.dastyar.handoff.replay;

import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dastyar.handoff.eta.PastWait;
import io.dastyar.handoff.eta.QueueSnapshot;
import io.dastyar.handoff.eta.ShownWait;
import io.dastyar.handoff.eta.WaitEstimator;

/**
 * A way of telling a queued customer their wait, as the replay compares them: from what is known at the moment of
 * the notice only. The snapshot's history holds everything up to that moment, oldest first.
 */
@FunctionalInterface
public interface WaitForecaster {

    /** What the customer is told; empty when the forecaster declines to promise anything. */
    Optional<Forecast> forecast(QueueSnapshot snapshot);

    /** A single figure, and the range shown if the forecaster shows one. */
    record Forecast(Duration point, @Nullable ShownWait shown) {
    }

    static WaitForecaster of(WaitEstimator estimator) {
        return snapshot -> estimator.estimate(snapshot).map(eta -> new Forecast(eta.expected(), eta.shown()));
    }

    /** Today's notice: a fixed time per place, whoever is online. */
    static WaitForecaster fixedPerPlace(Duration perPlace) {
        return snapshot -> Optional.of(new Forecast(perPlace.multipliedBy(snapshot.place()), null));
    }

    /** The mean wait of the last {@code count} customers who got an agent, whatever their place (Salesforce-style). */
    static WaitForecaster movingAverage(int count, Duration untilAnyWait) {
        return snapshot -> {
            var waits = snapshot.recentWaits().stream().filter(PastWait::assigned).toList();
            var last = waits.subList(Math.max(0, waits.size() - count), waits.size());
            Duration mean = last.isEmpty() ? untilAnyWait : last.stream().map(PastWait::waited)
                    .reduce(Duration.ZERO, Duration::plus).dividedBy(last.size());
            return Optional.of(new Forecast(mean, null));
        };
    }
}
