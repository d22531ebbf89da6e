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

import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/**
 * The outbox table: replies waiting for delivery, each with its {@link DeliveryStatus}. Claims are leases: a claimed row's next attempt moves into the future, so
 * a crashed instance's deliveries are picked up again once the lease runs out, and a random token tells one
 * claim from another. A delivery slower than its lease may be repeated by another instance;
 * {@link Delivery#id()} lets the channel recognise it.
 */
@Component
class OutboxStore {

    /** A claimed row: {@code claim} proves the claim is still ours (until its lease runs out). */
    record Pending(Delivery delivery, String channel, UUID claim) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(ConversationId conversation, long messageId, ChannelAddress to, Reply reply, ConversationState state,
             Instant now) {
        jdbc.sql("""
                        INSERT INTO outbox (conversation_id, message_id, channel, recipient, payload, state, status,
                                            next_attempt_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), messageId, to.channel(), to.recipient(), json.writeValueAsString(reply),
                        state.name(), DeliveryStatus.PENDING.name(), Timestamp.from(now))
                .update();
    }

    /**
     * Rows ready to go: only the oldest undelivered reply of each conversation, so a reply never overtakes an
     * earlier one, whatever instance delivers it and however often the earlier one fails.
     */
    List<Long> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT o.id FROM outbox o
                        WHERE o.status IN ('PENDING', 'SENDING') AND o.next_attempt_at <= ?
                          AND NOT EXISTS (SELECT 1 FROM outbox e
                                          WHERE e.conversation_id = o.conversation_id AND e.status <> 'SENT'
                                            AND e.id < o.id)
                        ORDER BY o.id LIMIT ?""")
                .params(Timestamp.from(now), limit)
                .query(Long.class).list();
    }

    /**
     * Takes rows for one delivery attempt each, in two statements whatever their number; rows that another
     * dispatcher holds or that are done are left out. The claim runs until {@code lease} from now, after which
     * another dispatcher may take the row again (a crashed instance's rows are not stuck).
     */
    List<Pending> claim(List<Long> ids, Instant now, Duration lease) {
        if (ids.isEmpty()) {
            return List.of();
        }
        UUID claim = UUID.randomUUID();
        Instant until = now.plus(lease);
        jdbc.sql("""
                        UPDATE outbox SET status = 'SENDING', claim = :claim, next_attempt_at = :until,
                                          attempts = attempts + 1
                        WHERE id IN (:ids) AND status <> 'SENT' AND next_attempt_at <= :now""")
                .param("claim", claim).param("until", Timestamp.from(until)).param("ids", ids)
                .param("now", Timestamp.from(now))
                .update();
        return jdbc.sql("""
                        SELECT o.id, o.conversation_id, o.message_id, o.channel, o.recipient, o.payload, o.state,
                               o.attempts, m.author, m.created_at
                        FROM outbox o JOIN message m ON m.id = o.message_id
                        WHERE o.id IN (:ids) AND o.claim = :claim AND o.status = 'SENDING' ORDER BY o.id""")
                .param("ids", ids).param("claim", claim)
                .query((rs, row) -> new Pending(
                        new Delivery(rs.getLong("id"), new ConversationId(rs.getObject("conversation_id", UUID.class)),
                                rs.getLong("message_id"), rs.getString("recipient"), Author.valueOf(rs.getString("author")),
                                json.readValue(rs.getString("payload"), Reply.class),
                                Optional.ofNullable(rs.getString("state")).map(ConversationState::valueOf),
                                rs.getTimestamp("created_at").toInstant(), rs.getInt("attempts")),
                        rs.getString("channel"), claim))
                .list();
    }

    /** Marks delivered rows sent; returns how many were still ours (a claim that ran out may have been taken). */
    int markSent(List<Pending> delivered, Instant now) {
        if (delivered.isEmpty()) {
            return 0;
        }
        // All rows of one claim share its token.
        return jdbc.sql("""
                        UPDATE outbox SET status = 'SENT', sent_at = :now, last_error = NULL
                        WHERE id IN (:ids) AND claim = :claim AND status = 'SENDING'""")
                .param("now", Timestamp.from(now))
                .param("ids", delivered.stream().map(pending -> pending.delivery().id()).toList())
                .param("claim", delivered.getFirst().claim())
                .update();
    }

    void retryLater(Pending pending, Instant at, String error) {
        jdbc.sql("""
                        UPDATE outbox SET status = 'PENDING', next_attempt_at = ?, last_error = ?
                        WHERE id = ? AND claim = ? AND status = 'SENDING'""")
                .params(Timestamp.from(at), abbreviate(error), pending.delivery().id(), pending.claim())
                .update();
    }

    private static String abbreviate(String error) {
        String text = error == null ? "unknown error" : error;
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
