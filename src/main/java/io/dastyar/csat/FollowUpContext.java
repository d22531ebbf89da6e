package io.dastyar.csat;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.answer.QuestionAsked;
import io.dastyar.handoff.HandoffEvents.ChatAssigned;

/**
 * What a follow-up needs to know of a conversation that was rated low, kept as it happens: the agent hand-off
 * last gave it to (hand-off's API answers no "who handled it?" for a conversation that has left it), and the
 * articles the bot gave or offered.
 */
@Component
class FollowUpContext {

    private final JdbcClient jdbc;
    private final Clock clock;

    FollowUpContext(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void on(ChatAssigned assigned) {
        var at = Timestamp.from(assigned.at());
        var id = assigned.conversation().value();
        if (jdbc.sql("UPDATE csat_handler SET agent = ?, assigned_at = ? WHERE conversation_id = ?")
                .params(assigned.agent(), at, id).update() == 0) {
            jdbc.sql("INSERT INTO csat_handler (conversation_id, agent, assigned_at) VALUES (?, ?, ?)")
                    .params(id, assigned.agent(), at).update();
        }
    }

    @EventListener
    void on(QuestionAsked asked) {
        asked.answer().ifPresent(answer -> jdbc.sql("""
                        INSERT INTO csat_offered_article (conversation_id, article_id, title, offered_at)
                        VALUES (?, ?, ?, ?)""")
                .params(asked.conversation().value(), answer.articleId(), abbreviate(answer.title()),
                        Timestamp.from(clock.instant())).update());
    }

    private static String abbreviate(String title) {
        return title.length() <= 500 ? title : title.substring(0, 499) + "…";
    }
}
