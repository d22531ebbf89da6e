package io.dastyar.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Keeps {@code report_conversation} up to date: every {@code support.reports.refresh-interval} the figures of new
 * conversations, and of those not yet settled, are computed again, a batch at a time. A settled conversation (closed
 * longer than {@code settle-after} ago) cannot change any more, so the work stays proportional to recent traffic.
 * Each first response a refresh sees is also recorded in the first-response-time histogram for Prometheus.
 */
@Component
class FactRefresh {

    private static final Logger log = LoggerFactory.getLogger(FactRefresh.class);
    private static final int BATCH = 500;

    private final FactSources sources;
    private final FactStore store;
    private final Staffing staffing;
    private final ReportsProperties settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Timer firstResponse;
    private volatile Instant refreshedAt = Instant.EPOCH;

    FactRefresh(FactSources sources, FactStore store, Staffing staffing, ReportsProperties settings,
                TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.sources = sources;
        this.store = store;
        this.staffing = staffing;
        this.settings = settings;
        this.transaction = transaction;
        this.clock = clock;
        this.firstResponse = Timer.builder("dastyar.first.response")
                .description("A person's first reply to a customer who asked for one, from the queue entry")
                .serviceLevelObjectives(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
                        Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1))
                .register(meters);
    }

    /** Computes what changed; on the first run, or after the time zone changed, every conversation. */
    synchronized void refresh() {
        Instant now = clock.instant();
        String zone = settings.timeZone().getId();
        boolean everything = !store.timeZone().map(zone::equals).orElse(false);
        if (everything) {
            transaction.executeWithoutResult(status -> store.clear(zone));
        }
        List<UUID> pending = store.pending(everything ? Optional.empty() : Optional.of(now.minus(settings.settleAfter())));
        var facts = new ConversationFacts(settings, sources.teamOfAgent(), staffing.history(), now);
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<UUID> ids = pending.subList(from, Math.min(pending.size(), from + BATCH));
            transaction.executeWithoutResult(status -> {
                Set<UUID> answeredBefore = store.answered(ids);
                List<Fact> computed = sources.of(ids).stream().map(facts::of).toList();
                store.replace(ids, computed);
                if (!everything) {
                    computed.stream().filter(fact -> fact.firstResponseSeconds() != null
                                    && !answeredBefore.contains(fact.conversation()))
                            .forEach(fact -> firstResponse.record(Duration.ofSeconds(fact.firstResponseSeconds())));
                }
            });
        }
        refreshedAt = now;
        if (everything) {
            log.info("Computed the report figures of {} conversations in time zone {}", pending.size(), zone);
        }
    }

    /** Forgets every figure and computes them all again (after data was corrected or imported). */
    synchronized void rebuild() {
        transaction.executeWithoutResult(status -> store.clear("-"));
        refresh();
    }

    /** When the figures were last brought up to date. */
    Instant refreshedAt() {
        return refreshedAt;
    }

    /** The scheduled refresh: a failure is logged and the next run tries again. */
    void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Report figures not refreshed; trying again in {}", settings.refreshInterval(), e);
        }
    }
}
