package io.dastyar.knowledge.admin;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/**
 * What the knowledge base failed to answer: questions the bot found no confident article for, and questions
 * whose answer did not help or made the customer ask for a person.
 */
@Component
class UnansweredQuestions {

    /** The newest ones: they say what customers need now, and they keep the grouping quick. */
    static final int MAX_QUESTIONS = 2_000;

    private final JdbcClient jdbc;

    UnansweredQuestions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<QuestionGroups.Group> groups() {
        // A verdict names the conversation and the article; the question it judged is the latest one of that
        // conversation the article answered before the verdict.
        List<QuestionGroups.Question> questions = jdbc.sql("""
                        SELECT q.language, q.question FROM kb_question q
                        WHERE q.article_id IS NULL
                           OR q.id IN (SELECT (SELECT MAX(a.id) FROM kb_question a
                                               WHERE a.conversation_id = f.conversation_id
                                                 AND a.article_id = f.article_id AND a.asked_at <= f.given_at)
                                       FROM kb_feedback f WHERE f.verdict IN ('NOT_HELPED', 'HANDED_OFF'))
                        ORDER BY q.id DESC LIMIT ?""")
                .param(MAX_QUESTIONS)
                .query((rs, row) -> {
                    String text = rs.getString(2);
                    return Language.fromTag(rs.getString(1)).map(language -> new QuestionGroups.Question(language, text));
                })
                .list().stream().flatMap(Optional::stream).toList();
        return QuestionGroups.of(questions);
    }
}
