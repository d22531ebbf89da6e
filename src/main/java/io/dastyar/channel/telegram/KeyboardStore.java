package io.dastyar.channel.telegram;

import static io.dastyar.channel.telegram.UpdateStore.ts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Inline keyboards as sent. A button's {@code callback_data} is {@code k<keyboard>.<position>} (a few ASCII bytes
 * whatever the label's script), and the payload it stands for stays here.
 */
@Repository
@TelegramOn
class KeyboardStore {

    record Button(String label, String payload) {
    }

    record Keyboard(long id, long chat, @Nullable UUID conversation, String text, @Nullable Integer messageId,
                    boolean used, List<Button> buttons) {
    }

    private final JdbcClient jdbc;

    KeyboardStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long create(long chat, @Nullable UUID conversation, String text, List<Button> buttons) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO telegram_keyboard (chat_id, conversation_id, text) VALUES (?, ?, ?)")
                .params(chat, conversation, text).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int position = 0; position < buttons.size(); position++) {
            jdbc.sql("INSERT INTO telegram_button (keyboard_id, position, label, payload) VALUES (?, ?, ?, ?)")
                    .params(id, position, buttons.get(position).label(), buttons.get(position).payload()).update();
        }
        return id;
    }

    Optional<Keyboard> find(long id) {
        List<Button> buttons = jdbc.sql("SELECT label, payload FROM telegram_button WHERE keyboard_id = ? ORDER BY position")
                .param(id).query((rs, row) -> new Button(rs.getString(1), rs.getString(2))).list();
        return jdbc.sql("SELECT id, chat_id, conversation_id, text, message_id, used_at FROM telegram_keyboard WHERE id = ?")
                .param(id).query((rs, row) -> new Keyboard(rs.getLong(1), rs.getLong(2), rs.getObject(3, UUID.class),
                        rs.getString(4), UpdateStore.messageId(rs, 5), rs.getTimestamp(6) != null, buttons))
                .optional();
    }

    /** The chat's newest keyboard that reached Telegram: only its buttons still count. */
    Optional<Long> latestSent(long chat) {
        return jdbc.sql("SELECT max(id) FROM telegram_keyboard WHERE chat_id = ? AND message_id IS NOT NULL AND conversation_id IS NOT NULL")
                .param(chat).query(Long.class).optional();
    }

    void sentAs(long id, int messageId) {
        jdbc.sql("UPDATE telegram_keyboard SET message_id = ? WHERE id = ?").params(messageId, id).update();
    }

    /** False when one of its buttons was pressed before. */
    boolean use(long id, Instant now) {
        return jdbc.sql("UPDATE telegram_keyboard SET used_at = ? WHERE id = ? AND used_at IS NULL")
                .params(ts(now), id).update() == 1;
    }
}
