package io.dastyar.agent.api;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.answer.AnswerFeedback;
import io.dastyar.conversation.answer.QuestionAsked;

/**
 * The {@code agent_bot_turn} table: what each customer asked the bot, the article it offered with its score, and
 * the customer's verdict, kept from the conversation feature's events (inside the conversation's transaction) for
 * the customer panel. The knowledge feature keeps its own record for its own ends; this one is the console's.
 */
@Component
class BotTurns {

    /** One question to the bot; no article when it had none good enough, no verdict until the customer gave one. */
    record Turn(String question, @Nullable String articleId, @Nullable String articleTitle, @Nullable Double score,
                @Nullable String verdict, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    BotTurns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(QuestionAsked asked) {
        jdbc.sql("""
                        INSERT INTO agent_bot_turn (conversation_id, question, article_id, article_title, score, asked_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(asked.conversation().value(), clip(asked.question(), 4000),
                        asked.answer().map(a -> a.articleId()).orElse(null),
                        asked.answer().map(a -> clip(a.title(), 300)).orElse(null),
                        asked.answer().map(a -> a.confidence()).orElse(null), Timestamp.from(clock.instant()))
                .update();
    }

    /** The verdict goes with the latest offer of that article in the conversation. */
    @EventListener
    void on(AnswerFeedback feedback) {
        jdbc.sql("""
                        UPDATE agent_bot_turn SET verdict = ?
                        WHERE id = (SELECT MAX(id) FROM agent_bot_turn WHERE conversation_id = ? AND article_id = ?)""")
                .params(feedback.verdict().name(), feedback.conversation().value(), feedback.articleId()).update();
    }

    List<Turn> of(ConversationId conversation) {
        return jdbc.sql("""
                        SELECT question, article_id, article_title, score, verdict, asked_at FROM agent_bot_turn
                        WHERE conversation_id = ? ORDER BY id""")
                .param(conversation.value())
                .query((rs, row) -> new Turn(rs.getString("question"), rs.getString("article_id"),
                        rs.getString("article_title"), rs.getObject("score") == null ? null : rs.getDouble("score"),
                        rs.getString("verdict"), rs.getTimestamp("asked_at").toInstant()))
                .list();
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
