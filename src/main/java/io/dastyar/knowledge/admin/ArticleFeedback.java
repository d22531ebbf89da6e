package io.dastyar.knowledge.admin;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How often each article's answer helped and did not, from {@code kb_feedback}. */
@Component
class ArticleFeedback {

    record Counts(long helped, long notHelped) {
        static final Counts NONE = new Counts(0, 0);
    }

    private final JdbcClient jdbc;

    ArticleFeedback(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** By {@link io.dastyar.knowledge.article.Article#key()}. */
    Map<String, Counts> byArticle() {
        Map<String, Counts> counts = new HashMap<>();
        jdbc.sql("""
                        SELECT language, article_id,
                               SUM(CASE WHEN verdict = 'HELPED' THEN 1 ELSE 0 END),
                               SUM(CASE WHEN verdict = 'NOT_HELPED' THEN 1 ELSE 0 END)
                        FROM kb_feedback GROUP BY language, article_id""")
                .query(rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), new Counts(rs.getLong(3), rs.getLong(4)));
                });
        return counts;
    }
}
