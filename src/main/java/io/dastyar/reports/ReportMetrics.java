package io.dastyar.reports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Gauges for Prometheus, read from the database so every instance reports the same totals, whatever it served:
 * current ratings by score, NPS answers by score, customers waiting, agents online, and open conversations by
 * state. One snapshot serves a scrape's gauges and is kept for {@link #FRESH} so that frequent scrapes cost
 * nothing. (The first response time histogram is {@link FactRefresh}'s.)
 */
@Component
class ReportMetrics implements MeterBinder {

    static final Duration FRESH = Duration.ofSeconds(15);
    private static final String[] OPEN_STATES = {"BOT", "AWAITING_FEEDBACK", "QUEUED", "WITH_AGENT", "AWAITING_RATING",
            "AWAITING_COMMENT"};

    private final JdbcClient jdbc;
    private final Clock clock;
    private Map<String, Long> snapshot = Map.of();
    private Instant takenAt = Instant.MIN;

    ReportMetrics(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (int score = 1; score <= 5; score++) {
            gauge(registry, "dastyar.csat.ratings", "Current CSAT ratings (replaced ones left out)", "score", score,
                    "rating:" + score);
        }
        for (int score = 0; score <= 10; score++) {
            gauge(registry, "dastyar.nps.answers", "Current NPS answers", "score", score, "nps:" + score);
        }
        Gauge.builder("dastyar.queue.length", () -> value("queue")).description("Customers waiting for a person")
                .register(registry);
        Gauge.builder("dastyar.agents.online", () -> value("online")).description("Agents taking chats")
                .register(registry);
        for (String state : OPEN_STATES) {
            Gauge.builder("dastyar.conversations.open", () -> value("state:" + state))
                    .description("Open conversations by state").tag("state", state).register(registry);
        }
    }

    private void gauge(MeterRegistry registry, String name, String description, String tag, int score, String key) {
        Gauge.builder(name, () -> value(key)).description(description).tag(tag, Integer.toString(score))
                .register(registry);
    }

    private synchronized long value(String key) {
        Instant now = clock.instant();
        if (takenAt.plus(FRESH).isBefore(now) || takenAt.isAfter(now)) {
            snapshot = take();
            takenAt = now;
        }
        return snapshot.getOrDefault(key, 0L);
    }

    private Map<String, Long> take() {
        var values = new HashMap<String, Long>();
        jdbc.sql("""
                        SELECT kind, score, count(*) FROM csat_answer WHERE superseded_at IS NULL GROUP BY kind, score""")
                .query(rs -> {
                    values.put((rs.getString(1).equals("NPS") ? "nps:" : "rating:") + rs.getInt(2), rs.getLong(3));
                });
        values.put("queue", jdbc.sql("SELECT count(*) FROM handoff_chat WHERE status = 'WAITING'").query(Long.class).single());
        values.put("online", jdbc.sql("SELECT count(*) FROM handoff_agent WHERE presence = 'ONLINE'").query(Long.class).single());
        // Named, not "<> 'CLOSED'": the index on state then skips the closed conversations, which are nearly all.
        jdbc.sql("SELECT state, count(*) FROM conversation WHERE state IN (:open) GROUP BY state")
                .param("open", java.util.List.of(OPEN_STATES))
                .query(rs -> {
                    values.put("state:" + rs.getString(1), rs.getLong(2));
                });
        return values;
    }
}
