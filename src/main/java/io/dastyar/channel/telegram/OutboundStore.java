package io.dastyar.channel.telegram;

import static io.dastyar.channel.telegram.UpdateStore.abbreviate;
import static io.dastyar.channel.telegram.UpdateStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The queue of what is to be sent to Telegram: rows leave in order per chat, and none is dropped. */
@Repository
@TelegramOn
class OutboundStore {

    enum Kind {
        /** A new message, with its keyboard if it has one. */
        SEND,
        /** The queue notice: edits the chat's queue-status message of the same conversation, or sends one. */
        QUEUE_STATUS,
        /** Replaces a used keyboard's message with its text and the choice made, buttons gone. */
        CHOICE,
        /** Takes a stale keyboard's buttons away. */
        DROP_KEYBOARD
    }

    /** Something to send. {@code delivery} and {@code part} identify an outbox delivery's piece, so it is queued once. */
    record Outgoing(@Nullable Long delivery, int part, long chat, @Nullable UUID conversation, Kind kind, String text,
                    @Nullable Long keyboard, @Nullable Integer targetMessage) {

        static Outgoing local(long chat, Kind kind, String text, @Nullable Long keyboard, @Nullable Integer target) {
            return new Outgoing(null, 0, chat, null, kind, text, keyboard, target);
        }
    }

    record Queued(long id, Outgoing outgoing, int attempts) {
    }

    private final JdbcClient jdbc;

    OutboundStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A new queue status for a conversation replaces the text of its edit still waiting to be sent, if there is one,
     * so a moving queue costs one edit per chat however often it moves (latest wins); otherwise it is queued.
     */
    void enqueueQueueStatus(long chat, UUID conversation, String text, Instant now) {
        int replaced = jdbc.sql("""
                UPDATE telegram_outbound SET text = ? WHERE chat_id = ? AND conversation_id = ? AND kind = 'QUEUE_STATUS'
                AND status = 'PENDING'""").params(text, chat, conversation).update();
        if (replaced == 0) {
            enqueue(new Outgoing(null, 0, chat, conversation, Kind.QUEUE_STATUS, text, null, null), now);
        }
    }

    boolean holds(long delivery) {
        return jdbc.sql("SELECT count(*) FROM telegram_outbound WHERE delivery_id = ?").param(delivery)
                .query(Long.class).single() > 0;
    }

    void enqueue(Outgoing outgoing, Instant now) {
        jdbc.sql("""
                INSERT INTO telegram_outbound (delivery_id, part, chat_id, conversation_id, kind, text, keyboard_id,
                                               target_message, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(outgoing.delivery(), outgoing.part(), outgoing.chat(), outgoing.conversation(),
                        outgoing.kind().name(), outgoing.text(), outgoing.keyboard(), outgoing.targetMessage(),
                        ts(now), ts(now))
                .update();
    }

    /**
     * Due rows, only the oldest waiting one of each chat; conversations' messages before proactive notices, so a large
     * notice never holds up a reply, then oldest first.
     */
    List<Queued> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT o.id, o.delivery_id, o.part, o.chat_id, o.conversation_id, o.kind, o.text, o.keyboard_id,
                       o.target_message, o.attempts
                FROM telegram_outbound o
                WHERE o.status = 'PENDING' AND o.next_attempt_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM telegram_outbound e WHERE e.status IN ('PENDING', 'SENDING')
                                  AND e.chat_id = o.chat_id AND e.id < o.id)
                ORDER BY CASE WHEN o.notice_id IS NULL THEN 0 ELSE 1 END, o.id LIMIT ?""")
                .params(ts(now), limit)
                .query((rs, row) -> new Queued(rs.getLong(1), new Outgoing((Long) rs.getObject(2, Long.class),
                        rs.getInt(3), rs.getLong(4), rs.getObject(5, UUID.class), Kind.valueOf(rs.getString(6)),
                        rs.getString(7), (Long) rs.getObject(8, Long.class), UpdateStore.messageId(rs, 9)),
                        rs.getInt(10)))
                .list();
    }

    /** Takes a due row for sending; false when it is no longer waiting (sent meanwhile, or taken already). */
    boolean claim(long id) {
        return jdbc.sql("UPDATE telegram_outbound SET status = 'SENDING' WHERE id = ? AND status = 'PENDING'")
                .param(id).update() == 1;
    }

    /** Rows an instance was sending when it stopped or died: sent again (at least once, never lost). */
    int reclaimAbandoned() {
        return jdbc.sql("UPDATE telegram_outbound SET status = 'PENDING' WHERE status = 'SENDING'").update();
    }

    void sent(long id, Instant now) {
        jdbc.sql("UPDATE telegram_outbound SET status = 'SENT', sent_at = ? WHERE id = ?").params(ts(now), id).update();
    }

    /** Back in the queue until {@code at}; a rate limit is no failure and is not counted as an attempt. */
    void retryLater(long id, Instant at, String why, boolean countAttempt) {
        jdbc.sql("UPDATE telegram_outbound SET status = 'PENDING', next_attempt_at = ?, failure = ?, attempts = attempts + ? WHERE id = ?")
                .params(ts(at), abbreviate(why), countAttempt ? 1 : 0, id).update();
    }

    /** Will never go: Telegram refused it for good, or the user blocked the bot. */
    void failed(long id, String why) {
        jdbc.sql("UPDATE telegram_outbound SET status = 'FAILED', failure = ? WHERE id = ?").params(abbreviate(why), id).update();
    }

    /** Everything still waiting for a chat that blocked the bot. */
    int failChat(long chat, String why) {
        return jdbc.sql("UPDATE telegram_outbound SET status = 'FAILED', failure = ? WHERE chat_id = ? AND status IN ('PENDING', 'SENDING')")
                .params(abbreviate(why), chat).update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM telegram_outbound WHERE status IN ('PENDING', 'SENDING')").query(Long.class).single();
    }
}
