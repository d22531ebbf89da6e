package io.dastyar.reports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code report_conversation} and {@code report_article} tables: conversations' figures, replaced whole. */
@Component
class FactStore {

    private static final String INSERT = """
            INSERT INTO report_conversation (conversation_id, created_at, day, channel, language, state, closed_at,
                queued, assigned, person_available, agent, team, queue_hour, first_response_s, queue_wait_s,
                resolution_s, unanswered_wait_s, transfers, reopened, survey_asked, rating, rating_late,
                rating_replaced, nps, questions, unanswered, came_back, settled)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** Conversations per {@code IN} list: a statement takes at most 32,767 parameters. */
    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FactStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Every conversation not settled, and those started since {@code since} without figures yet. */
    List<UUID> unsettled(Instant since) {
        var ids = new LinkedHashSet<>(jdbc.sql("SELECT conversation_id FROM report_conversation WHERE settled = FALSE")
                .query(UUID.class).list());
        ids.addAll(unseen(since));
        return List.copyOf(ids);
    }

    /**
     * Conversations whose figures may have changed with time alone: those still open, those whose first hand-off
     * is still without a reply, those whose durable window or settling time has passed.
     */
    List<UUID> dueByTime(Instant durableUntil, Instant settleUntil) {
        return jdbc.sql("""
                        SELECT conversation_id FROM report_conversation WHERE settled = FALSE
                        AND (closed_at IS NULL OR unanswered_wait_s IS NOT NULL OR closed_at < :settle
                             OR (came_back IS NULL AND closed_at < :durable))""")
                .param("settle", Timestamp.from(settleUntil)).param("durable", Timestamp.from(durableUntil))
                .query(UUID.class).list();
    }

    /** Of these conversations, those whose figures can still change (not settled, or none yet). */
    List<UUID> unsettledOf(Collection<UUID> ids) {
        List<UUID> all = List.copyOf(ids);
        var settled = new HashSet<UUID>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            settled.addAll(jdbc.sql("""
                            SELECT conversation_id FROM report_conversation WHERE conversation_id IN (:ids) AND settled""")
                    .param("ids", all.subList(from, Math.min(all.size(), from + CHUNK))).query(UUID.class).list());
        }
        return all.stream().filter(id -> !settled.contains(id)).toList();
    }

    /** Conversations started since {@code since} without figures yet. */
    List<UUID> unseen(Instant since) {
        return jdbc.sql("""
                        SELECT c.id FROM conversation c WHERE c.created_at >= ?
                        AND NOT EXISTS (SELECT 1 FROM report_conversation f WHERE f.conversation_id = c.id)""")
                .param(Timestamp.from(since)).query(UUID.class).list();
    }

    /** Of these conversations, those whose figures already had a first response. */
    Set<UUID> answered(Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("""
                        SELECT conversation_id FROM report_conversation
                        WHERE conversation_id IN (:ids) AND first_response_s IS NOT NULL""")
                .param("ids", ids).query(UUID.class).list());
    }

    /** Replaces these conversations' figures; returns the days they count on, before and after. */
    Set<LocalDate> replace(Collection<UUID> ids, List<Fact> facts) {
        var days = new HashSet<>(jdbc.sql("SELECT DISTINCT day FROM report_conversation WHERE conversation_id IN (:ids)")
                .param("ids", ids).query(Date.class).list().stream().map(Date::toLocalDate).toList());
        facts.forEach(fact -> days.add(fact.day()));
        jdbc.sql("DELETE FROM report_conversation WHERE conversation_id IN (:ids)").param("ids", ids).update();
        jdbc.sql("DELETE FROM report_article WHERE conversation_id IN (:ids)").param("ids", ids).update();
        batch.batchUpdate(INSERT, facts, facts.size(), (statement, fact) -> {
            Object[] values = {fact.conversation(), timestamp(fact.createdAt()), Date.valueOf(fact.day()), fact.channel(),
                    fact.language(), fact.state(), timestamp(fact.closedAt()), fact.queued(), fact.assigned(),
                    fact.personAvailable(), fact.agent(), fact.team(), fact.queueHour(), fact.firstResponseSeconds(),
                    fact.queueWaitSeconds(), fact.resolutionSeconds(), fact.unansweredWaitSeconds(), fact.transfers(),
                    fact.reopened(), fact.surveyAsked(), fact.rating(), fact.ratingLate(), fact.ratingReplaced(),
                    fact.nps(), fact.questions(), fact.unanswered(), fact.cameBack(), fact.settled()};
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else {
                    statement.setObject(i + 1, values[i]);
                }
            }
        });
        List<Object[]> articles = facts.stream()
                .flatMap(fact -> fact.articles().stream().map(article -> new Object[]{fact.conversation(), article}))
                .toList();
        batch.batchUpdate("INSERT INTO report_article (conversation_id, article_id) VALUES (?, ?)", articles);
        return days;
    }

    /** The figures of the conversations that started on a day, with the articles offered in them. */
    List<Fact> onDay(LocalDate day) {
        return facts("f.day = :day", Map.of("day", Date.valueOf(day)));
    }

    /** The figures of the conversations a report asks about, with the articles offered in them. */
    List<Fact> of(ReportQuery query) {
        return facts(query.where(), query.parameters());
    }

    private List<Fact> facts(String where, Map<String, ?> parameters) {
        List<Fact> facts = jdbc.sql("SELECT * FROM report_conversation f WHERE " + where).params(parameters)
                .query((rs, row) -> fact(rs)).list();
        var articles = new HashMap<UUID, Set<String>>();
        List<UUID> ids = facts.stream().map(Fact::conversation).toList();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            jdbc.sql("SELECT conversation_id, article_id FROM report_article WHERE conversation_id IN (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .query(rs -> {
                        articles.computeIfAbsent(rs.getObject(1, UUID.class), id -> new TreeSet<>()).add(rs.getString(2));
                    });
        }
        return facts.stream()
                .map(fact -> fact.withArticles(articles.getOrDefault(fact.conversation(), Set.of())))
                .toList();
    }

    /** A row of {@code report_conversation}, without its articles. */
    private static Fact fact(ResultSet rs) throws SQLException {
        return new Fact(rs.getObject("conversation_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                rs.getDate("day").toLocalDate(), rs.getString("channel"), rs.getString("language"),
                rs.getString("state"), instant(rs.getTimestamp("closed_at")), rs.getBoolean("queued"),
                rs.getBoolean("assigned"), rs.getBoolean("person_available"), rs.getString("agent"),
                rs.getString("team"), integer(rs, "queue_hour"), integer(rs, "first_response_s"),
                integer(rs, "queue_wait_s"), integer(rs, "resolution_s"), integer(rs, "unanswered_wait_s"),
                rs.getInt("transfers"), rs.getBoolean("reopened"), rs.getBoolean("survey_asked"),
                integer(rs, "rating"), rs.getBoolean("rating_late"), rs.getBoolean("rating_replaced"),
                integer(rs, "nps"), rs.getInt("questions"), rs.getInt("unanswered"), (Boolean) rs.getObject("came_back"),
                rs.getBoolean("settled"), Set.of());
    }

    /** The time zone the stored days were computed in, if any were. */
    Optional<String> timeZone() {
        return jdbc.sql("SELECT time_zone FROM report_state WHERE id = 1").query(String.class).optional();
    }

    /** Forgets every conversation's figures, to compute them again in another time zone. */
    void clear(String timeZone) {
        jdbc.sql("DELETE FROM report_conversation").update();
        jdbc.sql("DELETE FROM report_article").update();
        jdbc.sql("DELETE FROM report_state").update();
        jdbc.sql("INSERT INTO report_state (id, time_zone) VALUES (1, ?)").param(timeZone).update();
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
