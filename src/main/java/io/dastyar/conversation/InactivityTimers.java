package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One inactivity timer per open conversation, kept in the database so that any instance can fire it and
 * none is lost in a restart. Every applied event starts the timer afresh for the new state.
 */
@Component
class InactivityTimers {

    record Due(ConversationId conversation, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    private final ConversationProperties properties;
    private final SurveyPolicy survey;

    InactivityTimers(JdbcClient jdbc, ConversationProperties properties, Optional<SurveyPolicy> survey) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.survey = survey.orElse(SurveyPolicy.DEFAULTS);
    }

    void restart(Conversation conversation, Instant now) {
        UUID id = conversation.id().value();
        jdbc.sql("DELETE FROM conversation_timer WHERE conversation_id = ?").param(id).update();
        Duration limit = limit(conversation);
        if (limit != null) {
            jdbc.sql("INSERT INTO conversation_timer (conversation_id, due_at) VALUES (?, ?)")
                    .params(id, Timestamp.from(now.plus(limit))).update();
        }
    }

    /** The rating question waits as the survey says: until the reminder, then until it closes unrated. */
    private @Nullable Duration limit(Conversation conversation) {
        if (conversation.state() == ConversationState.AWAITING_RATING) {
            return conversation.ratingReminded() ? survey.noResponseAfter() : survey.reminderAfter();
        }
        return properties.inactivityLimit(conversation.state());
    }

    List<Due> due(Instant now, int limit) {
        return jdbc.sql("SELECT conversation_id, due_at FROM conversation_timer WHERE due_at <= ? ORDER BY due_at LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query((rs, row) -> new Due(new ConversationId(rs.getObject("conversation_id", UUID.class)),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    /** True for exactly one caller per timer: the one whose delete removed it. */
    boolean claim(Due due) {
        return jdbc.sql("DELETE FROM conversation_timer WHERE conversation_id = ? AND due_at = ?")
                .params(due.conversation().value(), Timestamp.from(due.dueAt())).update() == 1;
    }
}
