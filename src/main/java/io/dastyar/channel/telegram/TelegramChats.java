package io.dastyar.channel.telegram;

import static io.dastyar.channel.telegram.UpdateStore.ts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.dastyar.system.Language;

/** What the channel remembers of each chat. */
@Repository
@TelegramOn
class TelegramChats {

    /** The chat's queue-status message: the one later queue notices of that conversation edit. */
    record QueueStatusMessage(int messageId, UUID conversation) {
    }

    private final JdbcClient jdbc;

    TelegramChats(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Language> language(long chat) {
        return jdbc.sql("SELECT language FROM telegram_chat WHERE chat_id = ?").param(chat).query(String.class)
                .optional().flatMap(Language::fromTag);
    }

    void chooseLanguage(long chat, Language language) {
        ensure(chat);
        jdbc.sql("UPDATE telegram_chat SET language = ? WHERE chat_id = ?").params(language.tag(), chat).update();
    }

    Optional<QueueStatusMessage> queueStatus(long chat) {
        return jdbc.sql("""
                SELECT queue_status_message_id, queue_status_conversation FROM telegram_chat
                WHERE chat_id = ? AND queue_status_message_id IS NOT NULL""").param(chat)
                .query((rs, row) -> new QueueStatusMessage(Math.toIntExact(rs.getLong(1)), rs.getObject(2, UUID.class))).optional();
    }

    void rememberQueueStatus(long chat, int messageId, UUID conversation) {
        ensure(chat);
        jdbc.sql("UPDATE telegram_chat SET queue_status_message_id = ?, queue_status_conversation = ? WHERE chat_id = ?")
                .params(messageId, conversation, chat).update();
    }

    /** The user blocked the bot: nothing more is sent until they write again. @return false if already marked */
    boolean markUnreachable(long chat, Instant since) {
        ensure(chat);
        return jdbc.sql("UPDATE telegram_chat SET unreachable_since = ? WHERE chat_id = ? AND unreachable_since IS NULL")
                .params(ts(since), chat).update() == 1;
    }

    /** A user who writes has unblocked the bot. */
    void markReachable(long chat) {
        jdbc.sql("UPDATE telegram_chat SET unreachable_since = NULL WHERE chat_id = ?").param(chat).update();
    }

    Optional<Instant> unreachableSince(long chat) {
        return jdbc.sql("SELECT unreachable_since FROM telegram_chat WHERE chat_id = ? AND unreachable_since IS NOT NULL")
                .param(chat).query((rs, row) -> rs.getTimestamp(1).toInstant()).optional();
    }

    /** /subscribe: proactive notices in this language (unless one is chosen with /language) until /unsubscribe. */
    void subscribe(long chat, Language language, Instant now) {
        ensure(chat);
        jdbc.sql("UPDATE telegram_chat SET subscribed_at = COALESCE(subscribed_at, ?), notice_language = ? WHERE chat_id = ?")
                .params(ts(now), language.tag(), chat).update();
    }

    void unsubscribe(long chat) {
        jdbc.sql("UPDATE telegram_chat SET subscribed_at = NULL WHERE chat_id = ?").param(chat).update();
    }

    /** True the first time for a group: it gets the notice that the bot talks in private only, once. */
    boolean firstTimeInGroup(long chat) {
        ensure(chat);
        return jdbc.sql("UPDATE telegram_chat SET group_noticed = TRUE WHERE chat_id = ? AND group_noticed = FALSE")
                .param(chat).update() == 1;
    }

    private void ensure(long chat) {
        jdbc.sql("INSERT INTO telegram_chat (chat_id) VALUES (?) ON CONFLICT DO NOTHING").param(chat).update();
    }
}
