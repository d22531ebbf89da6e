package io.dastyar.reports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The CSV exports, streamed row by row (in a read-only transaction with a fetch size, so PostgreSQL hands rows over
 * with a cursor instead of loading months of conversations into memory).
 */
@Component
class ReportExports {

    static final List<String> RATING_COLUMNS = List.of("conversation", "started_on", "channel", "language", "agent",
            "kind", "score", "current", "late", "reason", "comment", "answered_at", "superseded_at");
    static final List<String> CONVERSATION_COLUMNS = List.of("conversation", "started_on", "started_at", "closed_at",
            "channel", "language", "state", "handled_by", "agent", "team", "person_available", "first_response_s",
            "queue_wait_s", "resolution_s", "transfers", "reopened", "survey_asked", "rating", "rating_late",
            "rating_replaced", "nps", "questions", "unanswered", "came_back");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    ReportExports(DataSource dataSource, TransactionTemplate transaction) {
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(1_000);
        this.jdbc = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** Every answer (current and replaced) of the conversations asked about, oldest first. */
    void ratings(ReportQuery query, CsvWriter csv) {
        csv.row(RATING_COLUMNS);
        stream("""
                SELECT a.conversation_id, f.day, f.channel, f.language, f.agent, a.kind, a.score,
                  a.superseded_at IS NULL, a.late, a.reason, a.comment, a.answered_at, a.superseded_at
                FROM csat_answer a JOIN report_conversation f ON f.conversation_id = a.conversation_id
                WHERE\s""" + query.where() + " ORDER BY a.answered_at, a.id", query, csv);
    }

    void conversations(ReportQuery query, CsvWriter csv) {
        csv.row(CONVERSATION_COLUMNS);
        stream("""
                SELECT f.conversation_id, f.day, f.created_at, f.closed_at, f.channel, f.language, f.state,
                  CASE WHEN f.assigned THEN 'person' WHEN f.queued THEN 'queue' ELSE 'bot' END, f.agent, f.team,
                  f.person_available, f.first_response_s, f.queue_wait_s, f.resolution_s, f.transfers, f.reopened,
                  f.survey_asked, f.rating, f.rating_late, f.rating_replaced, f.nps, f.questions, f.unanswered,
                  f.came_back
                FROM report_conversation f WHERE\s""" + query.where() + " ORDER BY f.created_at, f.conversation_id",
                query, csv);
    }

    private void stream(String sql, ReportQuery query, CsvWriter csv) {
        readOnly.executeWithoutResult(status -> jdbc.query(sql, query.parameters(), rs -> {
            csv.row(cells(rs));
        }));
        csv.flush();
    }

    private static List<@Nullable Object> cells(ResultSet rs) throws SQLException {
        int columns = rs.getMetaData().getColumnCount();
        var cells = new ArrayList<@Nullable Object>(columns);
        for (int i = 1; i <= columns; i++) {
            Object value = rs.getObject(i);
            cells.add(value instanceof Timestamp timestamp ? timestamp.toInstant().toString()
                    : value instanceof java.sql.Date date ? date.toLocalDate().toString()
                    : value instanceof java.time.OffsetDateTime time ? time.toInstant().toString()
                    : value == null ? null : value instanceof Number || value instanceof Boolean ? value : value.toString());
        }
        return cells;
    }
}
