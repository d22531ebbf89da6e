package io.dastyar.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads what conversations' figures are computed from, a batch of conversations at a time: the conversation
 * table, hand-off's log and agents, the knowledge answer log and the CSAT survey. Reports only read these tables;
 * the features that own them write them.
 */
@Component
class FactSources {

    private final JdbcClient jdbc;

    FactSources(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Sources> of(Collection<UUID> ids) {
        Map<UUID, List<Sources.LogEntry>> logs = grouped("""
                SELECT conversation_id, kind, agent, detail, at FROM handoff_log
                WHERE conversation_id IN (:ids) ORDER BY conversation_id, id""", ids,
                rs -> new Sources.LogEntry(rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5)));
        Map<UUID, List<Sources.Answer>> answers = grouped("""
                SELECT conversation_id, kind, score, late, answered_at, superseded_at FROM csat_answer
                WHERE conversation_id IN (:ids) ORDER BY conversation_id, id""", ids,
                rs -> new Sources.Answer(rs.getString(2), rs.getInt(3), rs.getBoolean(4), instant(rs, 5), instant(rs, 6)));
        Map<UUID, List<Sources.Question>> questions = grouped("""
                SELECT conversation_id, article_id FROM kb_question WHERE conversation_id IN (:ids)""", ids,
                rs -> new Sources.Question(rs.getString(2)));
        Set<UUID> surveyed = new HashSet<>(jdbc.sql("SELECT conversation_id FROM csat_survey WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(UUID.class).list());
        return jdbc.sql("""
                        SELECT c.id, c.created_at, c.channel, c.language, c.state, c.closed_at,
                               (SELECT min(n.created_at) FROM conversation n
                                WHERE n.channel = c.channel AND n.recipient = c.recipient AND n.created_at > c.closed_at)
                        FROM conversation c WHERE c.id IN (:ids)""")
                .param("ids", ids)
                .query((rs, row) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    var conversation = new Sources.Conversation(id, instant(rs, 2), rs.getString(3), rs.getString(4),
                            rs.getString(5), instant(rs, 6), instant(rs, 7));
                    return new Sources(conversation, logs.getOrDefault(id, List.of()), surveyed.contains(id),
                            answers.getOrDefault(id, List.of()), questions.getOrDefault(id, List.of()));
                })
                .list();
    }

    /** The first team each agent belongs to, for conversations no transfer named a team for. */
    Map<String, String> teamOfAgent() {
        var teams = new HashMap<String, String>();
        jdbc.sql("SELECT username, teams FROM handoff_agent").query(rs -> {
            String first = rs.getString(2).split(",")[0].strip();
            if (!first.isEmpty()) {
                teams.put(rs.getString(1), first);
            }
        });
        return teams;
    }

    private <T> Map<UUID, List<T>> grouped(String sql, Collection<UUID> ids, Row<T> row) {
        var grouped = new HashMap<UUID, List<T>>();
        jdbc.sql(sql).param("ids", ids).query(rs -> {
            grouped.computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>()).add(row.map(rs));
        });
        return grouped;
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }
}
