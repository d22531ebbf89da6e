package io.dastyar.channel.web;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (Bucket4j) per visitor for messages and per network address for new visitors, so one
 * noisy client cannot crowd out the rest. Buckets live in memory on each instance.
 */
@Component
class RateLimits {

    /** Allowed, or refused until {@code retryAfter} has passed. */
    record Verdict(boolean allowed, Duration retryAfter) {
    }

    private final Map<VisitorId, Bucket> messages = new ConcurrentHashMap<>();
    private final Map<String, Bucket> newVisitors = new ConcurrentHashMap<>();
    private final Supplier<Bucket> messageBucket;
    private final Supplier<Bucket> newVisitorBucket;
    private final WidgetProperties properties;

    RateLimits(WidgetProperties properties) {
        this.properties = properties;
        this.messageBucket = () -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(properties.messageBurst())
                .refillGreedy(properties.messagesPerMinute(), Duration.ofMinutes(1))
                .build()).build();
        this.newVisitorBucket = () -> Bucket.builder().addLimit(Bandwidth.builder()
                .capacity(properties.newVisitorsPerMinutePerAddress())
                .refillGreedy(properties.newVisitorsPerMinutePerAddress(), Duration.ofMinutes(1))
                .build()).build();
    }

    Verdict message(VisitorId visitor) {
        return take(messages.computeIfAbsent(visitor, v -> messageBucket.get()));
    }

    Verdict newVisitor(String remoteAddress) {
        return take(newVisitors.computeIfAbsent(remoteAddress, a -> newVisitorBucket.get()));
    }

    /** A bucket that has filled up again holds no history worth keeping: dropping it bounds the memory used. */
    @Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
    void forgetIdle() {
        messages.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.messageBurst());
        newVisitors.values().removeIf(bucket -> bucket.getAvailableTokens() >= properties.newVisitorsPerMinutePerAddress());
    }

    private static Verdict take(Bucket bucket) {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return new Verdict(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
}
