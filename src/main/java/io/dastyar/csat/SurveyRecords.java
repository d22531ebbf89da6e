package io.dastyar.csat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationMoved;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.SurveyAnswered;

/**
 * Keeps {@code csat_survey} and {@code csat_answer} from the conversations' events, inside the conversation's own
 * transaction, so the survey never disagrees with the conversation. A survey opens when the rating question is
 * asked; every answer is a row of its own, and a second rating (or NPS score) supersedes the first, which stays.
 */
@Component
class SurveyRecords {

    private static final String CURRENT_RATING = "conversation_id = ? AND kind = 'RATING' AND superseded_at IS NULL";

    private final JdbcClient jdbc;

    SurveyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(ConversationMoved moved) {
        UUID id = moved.conversation().value();
        Timestamp at = Timestamp.from(moved.at());
        if (moved.entered(ConversationState.AWAITING_RATING)) {
            jdbc.sql("""
                    INSERT INTO csat_survey (conversation_id, channel, language, asked_at, status)
                    VALUES (?, ?, ?, ?, 'OPEN')""")
                    .params(id, moved.customer().channel(), moved.language().tag(), at).update();
        } else if (moved.from() == ConversationState.AWAITING_RATING && moved.to() == ConversationState.AWAITING_RATING
                && moved.event() == ConversationEvent.INACTIVITY_TIMEOUT) {
            jdbc.sql("UPDATE csat_survey SET reminded_at = ? WHERE conversation_id = ?").params(at, id).update();
        } else if (moved.entered(ConversationState.AWAITING_NPS)) {
            jdbc.sql("UPDATE csat_survey SET nps_asked = TRUE WHERE conversation_id = ?").param(id).update();
        } else if (moved.entered(ConversationState.CLOSED)) {
            jdbc.sql("""
                    UPDATE csat_survey SET closed_at = ?,
                        status = CASE WHEN EXISTS (SELECT 1 FROM csat_answer a WHERE a.conversation_id = csat_survey.conversation_id
                                                   AND a.kind = 'RATING') THEN 'ANSWERED' ELSE 'NO_RESPONSE' END
                    WHERE conversation_id = ?""").params(at, id).update();
        }
    }

    /** First among the answer's listeners: a follow-up refers to the survey this may have to open. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SurveyAnswered answer) {
        UUID id = answer.conversation().value();
        switch (answer.kind()) {
            case RATING, NPS -> {
                openIfMissing(answer);
                supersede(id, answer.kind().name(), answer.at());
                jdbc.sql("""
                        INSERT INTO csat_answer (conversation_id, kind, score, late, answered_at)
                        VALUES (?, ?, ?, ?, ?)""")
                        .params(id, answer.kind().name(), answer.score().orElseThrow(), answer.late(),
                                Timestamp.from(answer.at())).update();
                if (answer.kind() == SurveyAnswered.Kind.RATING) {
                    // A rating after the survey closed unanswered makes it answered (late, as the answer says).
                    jdbc.sql("UPDATE csat_survey SET status = 'ANSWERED' WHERE conversation_id = ? AND status = 'NO_RESPONSE'")
                            .param(id).update();
                }
            }
            case REASON -> jdbc.sql("UPDATE csat_answer SET reason = ? WHERE " + CURRENT_RATING)
                    .params(answer.reason().orElseThrow(), id).update();
            case COMMENT -> {
                String comment = answer.comment().orElseThrow();
                if (jdbc.sql("UPDATE csat_answer SET comment = ? WHERE " + CURRENT_RATING).params(comment, id).update() == 0) {
                    jdbc.sql("UPDATE csat_survey SET unrated_comment = ? WHERE conversation_id = ?").params(comment, id).update();
                }
            }
        }
    }

    /** A conversation asked before the survey was kept (before this version) gets its survey with its first answer. */
    private void openIfMissing(SurveyAnswered answer) {
        jdbc.sql("""
                INSERT INTO csat_survey (conversation_id, channel, language, asked_at, status)
                SELECT ?, ?, ?, ?, 'OPEN' WHERE NOT EXISTS (SELECT 1 FROM csat_survey WHERE conversation_id = ?)""")
                .params(answer.conversation().value(), answer.customer().channel(), answer.language().tag(),
                        Timestamp.from(answer.at()), answer.conversation().value()).update();
    }

    private void supersede(UUID conversation, String kind, Instant at) {
        jdbc.sql("UPDATE csat_answer SET superseded_at = ? WHERE conversation_id = ? AND kind = ? AND superseded_at IS NULL")
                .params(Timestamp.from(at), conversation, kind).update();
    }
}
