package io.dastyar.channel.telegram;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Updates as Telegram sent them, kept by {@code update_id} until they have taken effect (and after, as a record). */
@Repository
@TelegramOn
class UpdateStore {

    /** One update as received: its id, the chat it came from (if any) and its JSON. */
    record Received(long updateId, @Nullable Long chat, String payload) {
    }

    record Pending(long updateId, String payload, int attempts) {
    }

    private final JdbcClient jdbc;

    UpdateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a batch in one transaction; an update stored before is left as it is. */
    @Transactional
    void store(List<Received> updates, Instant now) {
        for (Received update : updates) {
            jdbc.sql("""
                    INSERT INTO telegram_update (update_id, chat_id, payload, received_at, next_attempt_at)
                    VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                    .params(update.updateId(), update.chat(), update.payload(), ts(now), ts(now)).update();
        }
    }

    /** The highest update id stored: Telegram need not send anything up to it again. */
    long highestStored() {
        return jdbc.sql("SELECT coalesce(max(update_id), 0) FROM telegram_update").query(Long.class).single();
    }

    /** Unprocessed updates that are due, only the oldest of each chat, so a chat's updates apply in order. */
    List<Pending> due(Instant now, int limit) {
        return jdbc.sql("""
                SELECT u.update_id, u.payload, u.attempts FROM telegram_update u
                WHERE u.processed_at IS NULL AND u.next_attempt_at <= ?
                  AND NOT EXISTS (SELECT 1 FROM telegram_update e WHERE e.processed_at IS NULL
                                  AND e.chat_id = u.chat_id AND e.update_id < u.update_id)
                ORDER BY u.update_id LIMIT ?""")
                .params(ts(now), limit)
                .query((rs, row) -> new Pending(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    /** Marks it processed, in the caller's transaction; false when it already was (a duplicate delivery). */
    boolean markProcessed(long updateId, Instant now) {
        return jdbc.sql("UPDATE telegram_update SET processed_at = ? WHERE update_id = ? AND processed_at IS NULL")
                .params(ts(now), updateId).update() == 1;
    }

    void retryLater(long updateId, Instant at, String failure) {
        jdbc.sql("UPDATE telegram_update SET attempts = attempts + 1, next_attempt_at = ?, failure = ? WHERE update_id = ?")
                .params(ts(at), abbreviate(failure), updateId).update();
    }

    /** Gives up on an update that failed too often: kept, with why, for someone to look at. */
    void giveUp(long updateId, Instant now, String failure) {
        jdbc.sql("UPDATE telegram_update SET processed_at = ?, failure = ? WHERE update_id = ?")
                .params(ts(now), abbreviate("gave up: " + failure), updateId).update();
    }

    long pending() {
        return jdbc.sql("SELECT count(*) FROM telegram_update WHERE processed_at IS NULL").query(Long.class).single();
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    /** A message id kept as BIGINT, read as Telegram's int; null when not set. */
    static @Nullable Integer messageId(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        Long value = rs.getObject(column, Long.class);
        return value == null ? null : Math.toIntExact(value);
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }
}
