package io.dastyar.knowledge;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.answer.AnswerFeedback;
import io.dastyar.conversation.answer.QuestionAsked;

/**
 * Keeps every question the bot tried to answer and every verdict on an answer, in the conversation's own
 * transaction. The admins' list of unanswered questions and the threshold's calibration read them.
 */
@Component
class AnswerLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AnswerLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(QuestionAsked asked) {
        jdbc.sql("""
                        INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(asked.conversation().value(), asked.language().tag(), asked.question(),
                        asked.answer().map(answer -> answer.articleId()).orElse(null),
                        asked.answer().map(answer -> answer.confidence()).orElse(null),
                        Timestamp.from(clock.instant()))
                .update();
    }

    @EventListener
    void on(AnswerFeedback feedback) {
        jdbc.sql("""
                        INSERT INTO kb_feedback (conversation_id, language, article_id, verdict, given_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(feedback.conversation().value(), feedback.language().tag(), feedback.articleId(),
                        feedback.verdict().name(), Timestamp.from(clock.instant()))
                .update();
    }
}
