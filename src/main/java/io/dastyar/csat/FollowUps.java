package io.dastyar.csat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.dastyar.conversation.SurveyAnswered;

/**
 * Unhappy customers followed up: a rating of {@link #UNHAPPY} or less opens one item per conversation (a later low
 * rating of the same conversation updates its score), and tells the webhook. Supervisors assign items, note what
 * was done and close them.
 */
@Service
class FollowUps {

    static final int UNHAPPY = 2;

    private final JdbcClient jdbc;
    private final Webhooks webhooks;
    private final Clock clock;

    FollowUps(JdbcClient jdbc, Webhooks webhooks, Clock clock) {
        this.jdbc = jdbc;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    /** In the conversation's transaction, after {@link SurveyRecords} stored the rating. */
    @EventListener
    void on(SurveyAnswered answer) {
        if (answer.kind() != SurveyAnswered.Kind.RATING || answer.score().orElseThrow() > UNHAPPY) {
            return;
        }
        int score = answer.score().getAsInt();
        var event = new LinkedHashMap<String, Object>(Map.of("conversation", answer.conversation().toString(),
                "score", score, "channel", answer.customer().channel(), "language", answer.language().tag(),
                "late", answer.late(), "at", answer.at().toString()));
        webhooks.post("low_rating", event);
        if (jdbc.sql("UPDATE csat_follow_up SET score = ? WHERE conversation_id = ?")
                .params(score, answer.conversation().value()).update() > 0) {
            return;
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO csat_follow_up (conversation_id, score, opened_at, status) VALUES (?, ?, ?, 'OPEN')")
                .params(answer.conversation().value(), score, Timestamp.from(answer.at())).update(keys, "id");
        event.put("followUp", keys.getKeyAs(Number.class).longValue());
        webhooks.post("follow_up_opened", event);
    }

    /** @return whether there is such an item, still open */
    @Transactional
    boolean assign(long item, String assignee) {
        return jdbc.sql("UPDATE csat_follow_up SET assignee = ? WHERE id = ? AND status = 'OPEN'")
                .params(assignee, item).update() == 1;
    }

    /** @return whether there is such an item */
    @Transactional
    boolean note(long item, String author, String text) {
        if (jdbc.sql("SELECT count(*) FROM csat_follow_up WHERE id = ?").param(item).query(Integer.class).single() == 0) {
            return false;
        }
        jdbc.sql("INSERT INTO csat_follow_up_note (follow_up_id, author, body, written_at) VALUES (?, ?, ?, ?)")
                .params(item, author, text, Timestamp.from(clock.instant())).update();
        return true;
    }

    /** Closes an open item, with what was done as its last note. @return whether there was such an open item */
    @Transactional
    boolean close(long item, String by, String whatWasDone) {
        Instant now = clock.instant();
        if (jdbc.sql("UPDATE csat_follow_up SET status = 'CLOSED', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'OPEN'")
                .params(Timestamp.from(now), by, item).update() == 0) {
            return false;
        }
        if (!whatWasDone.isBlank()) {
            note(item, by, whatWasDone);
        }
        return true;
    }
}
