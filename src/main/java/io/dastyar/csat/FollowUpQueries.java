package io.dastyar.csat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;

/** Follow-up items as supervisors see them: with the comment, the reason, the agent, the articles and the notes. */
@Component
class FollowUpQueries {

    /** The most a page shows: open items first, then the latest closed ones. */
    static final int PAGE = 200;

    private static final String SELECT = """
            SELECT f.id, f.conversation_id, s.channel, s.language, f.score, f.opened_at, f.status, f.assignee,
                   f.closed_at, f.closed_by, h.agent,
                   (SELECT a.comment FROM csat_answer a WHERE a.conversation_id = f.conversation_id AND a.kind = 'RATING'
                      AND a.superseded_at IS NULL) AS comment,
                   (SELECT a.reason FROM csat_answer a WHERE a.conversation_id = f.conversation_id AND a.kind = 'RATING'
                      AND a.superseded_at IS NULL) AS reason,
                   s.unrated_comment
            FROM csat_follow_up f
            JOIN csat_survey s ON s.conversation_id = f.conversation_id
            LEFT JOIN csat_handler h ON h.conversation_id = f.conversation_id
            """;

    private final JdbcClient jdbc;
    private final CsatProperties properties;
    private final Clock clock;

    FollowUpQueries(JdbcClient jdbc, CsatProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Open items oldest first (the most overdue on top), then closed ones, latest first. */
    List<FollowUp> all(boolean withClosed) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + (withClosed ? "" : " WHERE f.status = 'OPEN'")
                        + " ORDER BY CASE WHEN f.status = 'OPEN' THEN 0 ELSE 1 END,"
                        + " CASE WHEN f.status = 'OPEN' THEN f.opened_at END, f.closed_at DESC LIMIT " + PAGE)
                .query((rs, row) -> followUp(rs, now)).list();
    }

    Optional<FollowUp> find(long item) {
        Instant now = clock.instant();
        return jdbc.sql(SELECT + " WHERE f.id = ?").param(item).query((rs, row) -> followUp(rs, now)).optional();
    }

    private FollowUp followUp(ResultSet rs, Instant now) throws SQLException {
        long id = rs.getLong("id");
        UUID conversation = rs.getObject("conversation_id", UUID.class);
        Instant opened = rs.getTimestamp("opened_at").toInstant();
        var status = FollowUp.Status.valueOf(rs.getString("status"));
        String comment = rs.getString("comment");
        return new FollowUp(id, new ConversationId(conversation), rs.getString("channel"), rs.getString("language"),
                rs.getInt("score"), Optional.ofNullable(comment != null ? comment : rs.getString("unrated_comment")),
                Optional.ofNullable(rs.getString("reason")), Optional.ofNullable(rs.getString("agent")),
                articles(conversation), opened, status, Optional.ofNullable(rs.getString("assignee")),
                Optional.ofNullable(instant(rs.getTimestamp("closed_at"))), Optional.ofNullable(rs.getString("closed_by")),
                notes(id), status == FollowUp.Status.OPEN && opened.plus(properties.followUps().flagAfter()).isBefore(now));
    }

    private List<String> articles(UUID conversation) {
        return jdbc.sql("""
                        SELECT title FROM csat_offered_article WHERE conversation_id = ?
                        GROUP BY article_id, title ORDER BY min(id)""")
                .param(conversation).query(String.class).list();
    }

    private List<FollowUp.Note> notes(long item) {
        return jdbc.sql("SELECT author, body, written_at FROM csat_follow_up_note WHERE follow_up_id = ? ORDER BY id")
                .param(item)
                .query((rs, row) -> new FollowUp.Note(rs.getString("author"), rs.getString("body"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
