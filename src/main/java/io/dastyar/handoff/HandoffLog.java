package io.dastyar.handoff;

import java.sql.Timestamp;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;

/**
 * The {@code handoff_log} table, recorded for reports: first response time, waits, transfers and resolution time
 * are derived from its rows later.
 */
@Component
class HandoffLog {

    enum Kind { QUEUED, ASSIGNED, FIRST_REPLY, TRANSFERRED, REQUEUED, RESOLVED, ENDED }

    private final JdbcClient jdbc;

    HandoffLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(ConversationId conversation, Kind kind, @Nullable String agent, @Nullable String detail, Instant at) {
        record(conversation, kind, agent, detail, null, at);
    }

    /**
     * @param actor the supervisor or admin who ordered it, when that was not {@code agent} (a reassignment is a
     *              {@link Kind#TRANSFERRED} with its actor)
     */
    void record(ConversationId conversation, Kind kind, @Nullable String agent, @Nullable String detail,
                @Nullable String actor, Instant at) {
        jdbc.sql("INSERT INTO handoff_log (conversation_id, kind, agent, detail, actor, at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(conversation.value(), kind.name(), agent, detail, actor, Timestamp.from(at)).update();
    }
}
