package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;

/** The admin pages' SQL on the embedded default, H2 in PostgreSQL mode; the other tests run it on PostgreSQL. */
class KnowledgeAdminH2Test {

    private JdbcClient jdbc;

    @BeforeEach
    void migratedH2() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=DAY;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void theAuditLogKeepsBothTextsNewestFirst() {
        var audit = new ArticleAudit(jdbc, Clock.systemUTC());
        var id = new ArticleId("returns");
        audit.record("amir", ArticleAudit.Action.CREATE, Language.FA, id, null, "first");
        audit.record("sara", ArticleAudit.Action.UPDATE, Language.FA, id, "first", "second");
        audit.record("sara", ArticleAudit.Action.UPDATE, Language.EN, id, "other", "language");

        assertThat(audit.latest(Language.FA, id, 50)).extracting(ArticleAudit.Entry::username,
                        ArticleAudit.Entry::action, ArticleAudit.Entry::before, ArticleAudit.Entry::after)
                .containsExactly(
                        tuple("sara", ArticleAudit.Action.UPDATE, "first", "second"),
                        tuple("amir", ArticleAudit.Action.CREATE, null, "first"));
        assertThat(audit.latest(Language.FA, id, 1)).hasSize(1);
    }

    @Test
    void feedbackCountsAndUnansweredQuestionsWork() {
        UUID conversation = UUID.randomUUID();
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.sql("INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at) VALUES (?, 'en', ?, ?, ?, ?)")
                .params(conversation, "Do you accept bitcoin?", "payments", 0.5, now).update();
        jdbc.sql("INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at) VALUES (?, 'en', ?, NULL, NULL, ?)")
                .params(UUID.randomUUID(), "Do you accept bitcoin", now).update();
        for (String verdict : new String[] {"NOT_HELPED", "HELPED", "HELPED"}) {
            jdbc.sql("INSERT INTO kb_feedback (conversation_id, language, article_id, verdict, given_at) VALUES (?, 'en', 'payments', ?, ?)")
                    .params(conversation, verdict, now).update();
        }

        assertThat(new ArticleFeedback(jdbc).byArticle())
                .containsExactly(Map.entry("en/payments", new ArticleFeedback.Counts(2, 1)));
        assertThat(new UnansweredQuestions(jdbc).groups()).singleElement()
                .satisfies(group -> assertThat(group.count()).isEqualTo(2));
    }
}
