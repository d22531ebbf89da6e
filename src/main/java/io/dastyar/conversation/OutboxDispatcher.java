package io.dastyar.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;

import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.Delivery;

/**
 * Dispatches the outbox: hands its rows to their channels, after the transaction that wrote them has committed.
 * A conversation's replies go out in order: a reply is due only once every earlier one is delivered, so a
 * failed delivery holds back the rest of its conversation until its retry, with exponential back-off.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final int MARK_EVERY = 20;
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final OutboxStore store;
    private final Channels channels;
    private final ConversationProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    /** From the moment the reply was written to its delivery: the outbox's share of a customer's wait. */
    private final Timer waited;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox").factory());
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    OutboxDispatcher(OutboxStore store, Channels channels, ConversationProperties properties, Clock clock,
                     MeterRegistry meters) {
        this.store = store;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        this.delivered = meters.counter("dastyar.outbox.deliveries", "result", "delivered");
        this.failed = meters.counter("dastyar.outbox.deliveries", "result", "failed");
        this.waited = meters.timer("dastyar.outbox.wait");
    }

    @TransactionalEventListener
    void on(Outbox.Posted posted) {
        drainSoon();
    }

    /** Picks up retries and whatever a crashed instance left behind. */
    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void sweep() {
        drainSoon();
    }

    private void drainSoon() {
        if (!worker.isShutdown() && drainQueued.compareAndSet(false, true)) {
            worker.execute(() -> {
                drainQueued.set(false);
                drain();
            });
        }
    }

    private void drain() {
        try {
            // Each pass delivers at most the oldest waiting reply of each conversation; go on while that works.
            boolean progress = true;
            while (progress) {
                progress = false;
                List<OutboxStore.Pending> claimed = store.claim(store.due(clock.instant(), BATCH), clock.instant(),
                        properties.deliveryLease());
                // Marked sent in small groups: a crash or a slow channel repeats a few deliveries, not a batch.
                for (int from = 0; from < claimed.size(); from += MARK_EVERY) {
                    List<OutboxStore.Pending> delivered = claimed.subList(from, Math.min(claimed.size(), from + MARK_EVERY))
                            .stream().filter(this::deliver).toList();
                    int stillOurs = store.markSent(delivered, clock.instant());
                    if (stillOurs < delivered.size()) {
                        log.warn("{} deliveries took longer than their lease; another instance may repeat them",
                                delivered.size() - stillOurs);
                    }
                    progress |= !delivered.isEmpty();
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox drain failed; the next sweep will try again", e);
        }
    }

    private boolean deliver(OutboxStore.Pending pending) {
        Delivery delivery = pending.delivery();
        try (var ignored = MDC.putCloseable("conversation", delivery.conversation().toString())) {
            try {
                channels.named(pending.channel())
                        .orElseThrow(() -> new IllegalStateException("No channel named '" + pending.channel() + "' is enabled"))
                        .deliver(delivery);
                delivered.increment();
                waited.record(Duration.between(delivery.at(), clock.instant()));
                return true;
            } catch (Exception e) {
                Instant retryAt = clock.instant().plus(backOff(delivery.attempt()));
                store.retryLater(pending, retryAt, e.toString());
                if (e instanceof Channel.NotHere) {
                    // Expected with several instances: another one holds the customer's connection.
                    log.debug("Delivery {} not possible here (attempt {}): {}", delivery.id(), delivery.attempt(),
                            e.getMessage());
                } else {
                    log.warn("Delivery {} failed (attempt {}), retrying at {}: {}", delivery.id(), delivery.attempt(),
                            retryAt, e.toString());
                    failed.increment();
                }
                return false;
            }
        }
    }

    static Duration backOff(int attempts) {
        long seconds = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration backOff = Duration.ofSeconds(seconds);
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }

    @PreDestroy
    void stop() throws InterruptedException {
        worker.shutdown();
        if (!worker.awaitTermination(10, TimeUnit.SECONDS)) {
            log.warn("Outbox deliveries still running at shutdown; their leases expire and another instance retries them");
            worker.shutdownNow();
        }
    }
}
