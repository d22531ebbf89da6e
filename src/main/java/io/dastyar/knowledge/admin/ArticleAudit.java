package io.dastyar.knowledge.admin;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;

/** {@code kb_audit}: who changed which article through the editor, when, and the whole file before and after. */
@Component
class ArticleAudit {

    enum Action { CREATE, UPDATE, DELETE }

    record Entry(String username, Action action, OffsetDateTime at, String before, String after) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ArticleAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(String username, Action action, Language language, ArticleId id, String before, String after) {
        jdbc.sql("""
                        INSERT INTO kb_audit (username, action, language, article_id, before_text, after_text, at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(username, action.name(), language.tag(), id.value(), before, after,
                        Timestamp.from(clock.instant()))
                .update();
    }

    /** The latest changes to one article, newest first. */
    List<Entry> latest(Language language, ArticleId id, int limit) {
        return jdbc.sql("""
                        SELECT username, action, at, before_text, after_text FROM kb_audit
                        WHERE language = ? AND article_id = ? ORDER BY id DESC LIMIT ?""")
                .params(language.tag(), id.value(), limit)
                .query((rs, row) -> new Entry(rs.getString(1), Action.valueOf(rs.getString(2)),
                        rs.getTimestamp(3).toInstant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS),
                        rs.getString(4), rs.getString(5)))
                .list();
    }
}
