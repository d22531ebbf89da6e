package io.dastyar.reports;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    FactStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Conversations whose figures may have changed: those not settled, and those started since {@code since} that
     * have none yet (all of them when {@code since} is empty).
     */
    List<UUID> pending(Optional<Instant> since) {
        var ids = new java.util.LinkedHashSet<>(jdbc.sql("SELECT conversation_id FROM report_conversation WHERE settled = FALSE")
                .query(UUID.class).list());
        ids.addAll(jdbc.sql("""
                        SELECT c.id FROM conversation c WHERE c.created_at >= ?
                        AND NOT EXISTS (SELECT 1 FROM report_conversation f WHERE f.conversation_id = c.id)""")
                .param(Timestamp.from(since.orElse(Instant.EPOCH))).query(UUID.class).list());
        return List.copyOf(ids);
    }

    /** Of these conversations, those whose figures already had a first response. */
    Set<UUID> answered(Collection<UUID> ids) {
        return new HashSet<>(jdbc.sql("""
                        SELECT conversation_id FROM report_conversation
                        WHERE conversation_id IN (:ids) AND first_response_s IS NOT NULL""")
                .param("ids", ids).query(UUID.class).list());
    }

    void replace(Collection<UUID> ids, List<Fact> facts) {
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

    private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
