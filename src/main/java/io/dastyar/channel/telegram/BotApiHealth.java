package io.dastyar.channel.telegram;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Whether the Bot API answers, seen on every call (long poll and sends alike). Health is DOWN once it has not
 * answered for two minutes, with the failures in a row and the last error; the probes (liveness, readiness) do not
 * include it, so a Telegram outage never restarts the service. Failures are counted in
 * {@code dastyar.telegram.api.failures}, and what waits in the queues is in the details.
 */
@Component("telegram")
@TelegramOn
class BotApiHealth implements HealthIndicator, Interceptor {

    private static final Duration DOWN_AFTER = Duration.ofMinutes(2);

    private final Clock clock;
    private final UpdateStore updates;
    private final OutboundStore outbound;
    private final Counter failures;
    private final AtomicInteger inARow = new AtomicInteger();
    private final AtomicReference<Instant> lastAnswer;
    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();

    BotApiHealth(Clock clock, UpdateStore updates, OutboundStore outbound, MeterRegistry meters) {
        this.clock = clock;
        this.updates = updates;
        this.outbound = outbound;
        this.failures = meters.counter("dastyar.telegram.api.failures");
        this.lastAnswer = new AtomicReference<>(clock.instant());
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        try {
            Response response = chain.proceed(chain.request());
            if (response.code() >= 500) {
                failed("HTTP " + response.code());
            } else {
                inARow.set(0);
                lastAnswer.set(clock.instant());
            }
            return response;
        } catch (IOException e) {
            failed(e.toString());
            throw e;
        }
    }

    private void failed(String error) {
        failures.increment();
        inARow.incrementAndGet();
        lastError.set(error);
    }

    @Override
    public Health health() {
        boolean answering = inARow.get() == 0
                || Duration.between(lastAnswer.get(), clock.instant()).compareTo(DOWN_AFTER) < 0;
        var health = answering ? Health.up() : Health.down();
        health.withDetail("failuresInARow", inARow.get())
                .withDetail("lastAnswer", lastAnswer.get().toString())
                .withDetail("updatesWaiting", updates.pending())
                .withDetail("messagesWaiting", outbound.pending());
        String error = lastError.get();
        if (error != null && inARow.get() > 0) {
            health.withDetail("lastError", error);
        }
        return health.build();
    }
}
