package io.dastyar.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.system.Language;

/**
 * Whether a person could be reached, per language, over time: the containment rate counts only conversations where
 * one could (docs/reports.md). Sampled from the queue notice's own view (open hours, and an agent who speaks the
 * language online), and written to {@code report_staffing} only when it changes.
 */
@Component
class Staffing {

    private static final ConversationId PROBE = new ConversationId(new UUID(0, 0));

    private final JdbcClient jdbc;
    private final ObjectProvider<QueueOutlook> outlook;
    private final Clock clock;

    Staffing(JdbcClient jdbc, ObjectProvider<QueueOutlook> outlook, Clock clock) {
        this.jdbc = jdbc;
        this.outlook = outlook;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 30_000, initialDelay = 5_000)
    void sample() {
        QueueOutlook queue = outlook.getIfAvailable();
        if (queue == null) {
            return;
        }
        Instant now = clock.instant();
        QueueOutlook.Board board = queue.board(now);
        for (Language language : Language.values()) {
            record(language.tag(), board.outlook(PROBE, language, now) instanceof QueueOutlook.Waiting, now);
        }
    }

    /** Writes a row when the language's availability differs from its latest row (or it has none). */
    void record(String language, boolean available, Instant at) {
        Optional<Boolean> latest = jdbc.sql("""
                        SELECT available FROM report_staffing WHERE language = ? AND since <= ?
                        ORDER BY since DESC LIMIT 1""")
                .params(language, Timestamp.from(at)).query(Boolean.class).optional();
        if (latest.isEmpty() || latest.get() != available) {
            jdbc.sql("""
                            INSERT INTO report_staffing (language, since, available)
                            SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM report_staffing WHERE language = ? AND since = ?)""")
                    .params(language, Timestamp.from(at), available, language, Timestamp.from(at)).update();
        }
    }

    History history() {
        var byLanguage = new HashMap<String, NavigableMap<Instant, Boolean>>();
        jdbc.sql("SELECT language, since, available FROM report_staffing").query(rs -> {
            byLanguage.computeIfAbsent(rs.getString(1), language -> new TreeMap<>())
                    .put(rs.getTimestamp(2).toInstant(), rs.getBoolean(3));
        });
        return new History(byLanguage);
    }

    /** The recorded changes. Before a language's first row nothing is known, and a person counts as available. */
    record History(Map<String, NavigableMap<Instant, Boolean>> byLanguage) {

        boolean available(String language, Instant from, Instant to) {
            NavigableMap<Instant, Boolean> changes = byLanguage.get(language);
            if (changes == null) {
                return true;
            }
            Map.Entry<Instant, Boolean> atStart = changes.floorEntry(from);
            if (atStart == null || atStart.getValue()) {
                return true;
            }
            return !to.isBefore(from) && changes.subMap(from, false, to, true).containsValue(true);
        }
    }
}
