package io.dastyar.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
 * Keeps {@code report_conversation} and its daily roll-ups up to date: every {@code support.reports.refresh-interval}
 * the figures of new conversations, and of those not yet settled whose sources changed or whose figures time alone
 * changes, are computed again, a batch at a time, and then the roll-ups of the days they count on. A settled
 * conversation (closed longer than {@code settle-after} ago) cannot change any more, so the work stays proportional
 * to recent changes.
 * Each first response a refresh sees is also recorded in the first-response-time histogram for Prometheus.
 */
@Component
class FactRefresh {

    private static final Logger log = LoggerFactory.getLogger(FactRefresh.class);
    private static final int BATCH = 500;

    private final FactSources sources;
    private final FactStore store;
    private final SourceChanges changes;
    private final Rollup rollup;
    private final Staffing staffing;
    private final ReportsProperties settings;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Timer firstResponse;
    private volatile Instant refreshedAt = Instant.EPOCH;

    FactRefresh(FactSources sources, FactStore store, SourceChanges changes, Rollup rollup, Staffing staffing,
                ReportsProperties settings, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.sources = sources;
        this.store = store;
        this.changes = changes;
        this.rollup = rollup;
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

    /**
     * Computes what changed since the last refresh; on the first run, after the time zone changed or after a
     * rebuild, every conversation; when the agents' teams changed, every conversation not yet settled.
     */
    synchronized void refresh() {
        Instant now = clock.instant();
        String zone = settings.timeZone().getId();
        boolean everything = !store.timeZone().map(zone::equals).orElse(false);
        if (everything) {
            transaction.executeWithoutResult(status -> {
                store.clear(zone);
                rollup.clear();
            });
        }
        Map<String, String> teams = sources.teamOfAgent();
        SourceChanges.Seen seen = changes.now(now, teams.hashCode());
        List<UUID> pending = pending(everything, now, seen);
        var facts = new ConversationFacts(settings, teams, staffing.history(), now);
        for (int from = 0; from < pending.size(); from += BATCH) {
            List<UUID> ids = pending.subList(from, Math.min(pending.size(), from + BATCH));
            transaction.executeWithoutResult(status -> {
                Set<UUID> answeredBefore = store.answered(ids);
                List<Fact> computed = sources.of(ids).stream().map(facts::of).toList();
                rollup.touched(store.replace(ids, computed));
                if (!everything) {
                    computed.stream().filter(fact -> fact.firstResponseSeconds() != null
                                    && !answeredBefore.contains(fact.conversation()))
                            .forEach(fact -> firstResponse.record(Duration.ofSeconds(fact.firstResponseSeconds())));
                }
            });
        }
        rollup.update();
        changes.save(seen);
        refreshedAt = now;
        if (everything) {
            log.info("Computed the report figures of {} conversations in time zone {}", pending.size(), zone);
        }
    }

    private List<UUID> pending(boolean everything, Instant now, SourceChanges.Seen seen) {
        if (everything) {
            return store.unsettled(Instant.EPOCH);
        }
        Instant recent = now.minus(settings.settleAfter());
        Optional<SourceChanges.Seen> last = changes.lastSeen();
        if (last.isEmpty() || last.get().teams() != seen.teams()) {
            return store.unsettled(recent);
        }
        var changed = new LinkedHashSet<>(changes.since(last.get()));
        changed.addAll(store.unseen(recent));
        changed.addAll(changes.earlierVisits(changed));
        var ids = new LinkedHashSet<>(store.dueByTime(now.minus(settings.durableWindow()), recent));
        ids.addAll(store.unsettledOf(changed));
        return List.copyOf(ids);
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
