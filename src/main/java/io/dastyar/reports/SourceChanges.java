package io.dastyar.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which conversations the source tables say changed since a refresh, so that a refresh computes only those again:
 * new rows of hand-off's log, the CSAT answers and the knowledge answer log (by id, whatever their clocks say),
 * conversations updated and surveys asked since then; and the earlier conversations of customers who came back.
 * What a refresh had seen is kept in {@code report_state}.
 */
@Component
class SourceChanges {

    /**
     * Rows stamped up to this long before the last refresh are looked at again: a transaction that took an id or
     * a time before a refresh may commit after it.
     */
    static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final int CHUNK = 1000;

    /** The last ids of the append-only sources, when, and a fingerprint of the agents' teams. */
    record Seen(long log, long answer, long question, Instant at, int teams) {
    }

    private final JdbcClient jdbc;

    SourceChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the sources hold now; read before the changes, so that nothing written meanwhile is missed. */
    Seen now(Instant now, int teams) {
        return new Seen(last("handoff_log"), last("csat_answer"), last("kb_question"), now, teams);
    }

    /** What the last refresh had seen, unless the figures were computed some other way since. */
    Optional<Seen> lastSeen() {
        return jdbc.sql("""
                        SELECT log_seen, answer_seen, question_seen, refreshed_at, teams_seen FROM report_state
                        WHERE id = 1 AND log_seen IS NOT NULL""")
                .query((rs, row) -> new Seen(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getTimestamp(4).toInstant(), rs.getInt(5)))
                .optional();
    }

    void save(Seen seen) {
        jdbc.sql("""
                        UPDATE report_state SET log_seen = ?, answer_seen = ?, question_seen = ?, refreshed_at = ?,
                          teams_seen = ? WHERE id = 1""")
                .params(seen.log(), seen.answer(), seen.question(), Timestamp.from(seen.at()), seen.teams()).update();
    }

    /** Conversations a source row was written for, or that were updated, since {@code seen}. */
    Set<UUID> since(Seen seen) {
        Timestamp since = Timestamp.from(seen.at().minus(OVERLAP));
        var changed = new LinkedHashSet<>(jdbc.sql("""
                        SELECT conversation_id FROM handoff_log WHERE id > :log OR at >= :since
                        UNION SELECT conversation_id FROM csat_answer WHERE id > :answer OR answered_at >= :since
                        UNION SELECT conversation_id FROM kb_question WHERE id > :question
                        UNION SELECT conversation_id FROM csat_survey WHERE asked_at >= :since
                        UNION SELECT id FROM conversation WHERE updated_at >= :since""")
                .param("log", seen.log()).param("answer", seen.answer()).param("question", seen.question())
                .param("since", since)
                .query(UUID.class).list());
        return changed;
    }

    /** The earlier conversations of these conversations' customers: whether those came back may have changed. */
    List<UUID> earlierVisits(Collection<UUID> changed) {
        List<UUID> ids = List.copyOf(changed);
        var earlier = new ArrayList<UUID>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            earlier.addAll(jdbc.sql("""
                            SELECT p.id FROM conversation n JOIN conversation p
                              ON p.channel = n.channel AND p.recipient = n.recipient AND p.created_at < n.created_at
                            WHERE n.id IN (:ids)""")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(UUID.class).list());
        }
        return earlier;
    }

    private long last(String table) {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM " + table).query(Long.class).single();
    }
}
