package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Replies waiting for delivery. Claims are leases: a claimed row's next attempt moves into the future, so
 * a crashed instance's deliveries are picked up again once the lease runs out, and two instances never
 * deliver the same row at once.
 */
@Component
class Outbox {

    record Pending(Delivery delivery, String channel, int attempts) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void enqueue(ConversationId conversation, long messageId, ChannelAddress to, Reply reply, Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox (conversation_id, message_id, channel, recipient, payload, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), messageId, to.channel(), to.recipient(), json.writeValueAsString(reply),
                        Timestamp.from(now))
                .update();
    }

    List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? ORDER BY id LIMIT ?")
                .params(Timestamp.from(now), limit)
                .query(Long.class).list();
    }

    /** Takes the row for one delivery attempt, unless another dispatcher holds it or it is done. */
    Optional<Pending> claim(long id, Instant now, Duration lease) {
        int claimed = jdbc.sql("""
                        UPDATE outbox SET next_attempt_at = ?, attempts = attempts + 1
                        WHERE id = ? AND sent_at IS NULL AND next_attempt_at <= ?""")
                .params(Timestamp.from(now.plus(lease)), id, Timestamp.from(now))
                .update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT conversation_id, channel, recipient, payload, attempts FROM outbox WHERE id = ?")
                .param(id)
                .query((rs, row) -> new Pending(
                        new Delivery(id, new ConversationId(rs.getObject("conversation_id", UUID.class)),
                                rs.getString("recipient"), json.readValue(rs.getString("payload"), Reply.class)),
                        rs.getString("channel"), rs.getInt("attempts")))
                .optional();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("UPDATE outbox SET sent_at = ?, last_error = NULL WHERE id = ?").params(Timestamp.from(now), id).update();
    }

    void retryLater(long id, Instant at, String error) {
        jdbc.sql("UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(Timestamp.from(at), abbreviate(error), id).update();
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
