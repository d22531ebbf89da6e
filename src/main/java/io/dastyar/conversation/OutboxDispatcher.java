package io.dastyar.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
import jakarta.annotation.PreDestroy;

/**
 * Delivers outbox rows through their channels, after the transaction that wrote them has committed.
 * A conversation's replies go out in order: a reply is due only once every earlier one is delivered, so a
 * failed delivery holds back the rest of its conversation until its retry, with exponential back-off.
 */
@Component
class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    private static final int BATCH = 100;
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final Outbox outbox;
    private final Channels channels;
    private final ConversationProperties properties;
    private final Clock clock;
    private final Counter delivered;
    private final Counter failed;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("outbox").factory());
    private final AtomicBoolean drainQueued = new AtomicBoolean();

    OutboxDispatcher(Outbox outbox, Channels channels, ConversationProperties properties, Clock clock,
                     MeterRegistry meters) {
        this.outbox = outbox;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
        this.delivered = meters.counter("dastyar.outbox.deliveries", "result", "delivered");
        this.failed = meters.counter("dastyar.outbox.deliveries", "result", "failed");
    }

    @TransactionalEventListener
    void onRepliesQueued(RepliesQueued queued) {
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
                for (long id : outbox.due(clock.instant(), BATCH)) {
                    Optional<Outbox.Pending> pending = outbox.claim(id, clock.instant(), properties.deliveryLease());
                    if (pending.isPresent() && deliver(pending.get())) {
                        progress = true;
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Outbox drain failed; the next sweep will try again", e);
        }
    }

    private boolean deliver(Outbox.Pending pending) {
        Delivery delivery = pending.delivery();
        try (var ignored = MDC.putCloseable("conversation", delivery.conversation().toString())) {
            try {
                channels.named(pending.channel())
                        .orElseThrow(() -> new IllegalStateException("No channel named '" + pending.channel() + "' is enabled"))
                        .deliver(delivery);
                if (!outbox.markSent(pending, clock.instant())) {
                    log.warn("Delivery {} took longer than its lease; another instance may repeat it", delivery.id());
                }
                delivered.increment();
                return true;
            } catch (Exception e) {
                Instant retryAt = clock.instant().plus(backOff(pending.attempts()));
                log.warn("Delivery {} failed (attempt {}), retrying at {}: {}", delivery.id(), pending.attempts(), retryAt,
                        e.toString());
                outbox.retryLater(pending, retryAt, e.toString());
                failed.increment();
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
