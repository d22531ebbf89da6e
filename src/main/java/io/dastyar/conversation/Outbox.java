package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Replies waiting for delivery. Claims are leases: a claimed row's next attempt moves into the future, so
 * a crashed instance's deliveries are picked up again once the lease runs out. A delivery slower than its
 * lease may be repeated by another instance; {@link Delivery#id()} lets the channel recognise it.
 */
@Component
class Outbox {

    /** A claimed row; {@code lease} is when the claim runs out, and proves the claim is still ours. */
    record Pending(Delivery delivery, String channel, int attempts, Instant lease) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void enqueue(ConversationId conversation, long messageId, ChannelAddress to, Reply reply, ConversationState state,
                 Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox (conversation_id, message_id, channel, recipient, payload, state, next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), messageId, to.channel(), to.recipient(), json.writeValueAsString(reply),
                        state.name(), Timestamp.from(now))
                .update();
    }

    /**
     * Rows ready to go: only the oldest undelivered reply of each conversation, so a reply never overtakes an
     * earlier one, whatever instance delivers it and however often the earlier one fails.
     */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT o.id FROM outbox o
                        WHERE o.sent_at IS NULL AND o.next_attempt_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM outbox e
                                          WHERE e.conversation_id = o.conversation_id AND e.sent_at IS NULL AND e.id < o.id)
                        ORDER BY o.id LIMIT ?""")
                .params(Timestamp.from(now), limit)
                .query(Long.class).list();
    }

    /**
     * Takes rows for one delivery attempt each, in two statements whatever their number; rows that another
     * dispatcher holds or that are done are left out.
     */
    List<Pending> claim(List<Long> ids, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // Millisecond precision survives the round trip through either database, so the lease compares equal later.
        Instant until = now.plus(lease).truncatedTo(ChronoUnit.MILLIS);
        jdbc.sql("""
                        UPDATE outbox SET next_attempt_at = :until, attempts = attempts + 1
                        WHERE id IN (:ids) AND sent_at IS NULL AND next_attempt_at <= :now""")
                .param("until", Timestamp.from(until)).param("ids", ids).param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        SELECT o.id, o.conversation_id, o.message_id, o.channel, o.recipient, o.payload, o.state,
                               o.attempts, m.created_at
                        FROM outbox o JOIN message m ON m.id = o.message_id
                        WHERE o.id IN (:ids) AND o.sent_at IS NULL AND o.next_attempt_at = :until ORDER BY o.id""")
                .param("ids", ids).param("until", Timestamp.from(until))
                .query((rs, row) -> new Pending(
                        new Delivery(rs.getLong("id"), new ConversationId(rs.getObject("conversation_id", UUID.class)),
                                rs.getLong("message_id"), rs.getString("recipient"),
                                json.readValue(rs.getString("payload"), Reply.class),
                                Optional.ofNullable(rs.getString("state")).map(ConversationState::valueOf),
                                rs.getTimestamp("created_at").toInstant()),
                        rs.getString("channel"), rs.getInt("attempts"), until))
                .list();
    }

    /** Marks delivered rows sent; returns how many were still ours (a lease that ran out may have been taken). */
    int markSent(List<Pending> delivered, Instant now) {
        if (delivered.isEmpty()) {
            return 0;
        }
        // All rows of one claim share its lease.
        return jdbc.sql("UPDATE outbox SET sent_at = :now, last_error = NULL WHERE id IN (:ids) AND next_attempt_at = :lease")
                .param("now", Timestamp.from(now))
                .param("ids", delivered.stream().map(pending -> pending.delivery().id()).toList())
                .param("lease", Timestamp.from(delivered.getFirst().lease()))
                .update();
    }

    void retryLater(Pending pending, Instant at, String error) {
        jdbc.sql("UPDATE outbox SET next_attempt_at = ?, last_error = ? WHERE id = ? AND next_attempt_at = ?")
                .params(Timestamp.from(at), abbreviate(error), pending.delivery().id(), Timestamp.from(pending.lease()))
                .update();
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
