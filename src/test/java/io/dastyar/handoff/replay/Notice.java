package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A queue notice a customer saw, with what each forecaster would have told them (in the order the forecasters were
 * given), and, once the customer got an agent, how much longer they actually waited.
 */
public record Notice(String customer, Instant at, int place, boolean onJoining,
        List<Optional<WaitForecaster.Forecast>> forecasts, Duration actualRemaining) {
}
