package io.dastyar.channel.telegram;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** An update as it is stored: its id, its chat (for ordering) and its JSON. */
final class TelegramUpdates {

    private TelegramUpdates() {
    }

    static UpdateStore.Received received(Update update, ObjectMapper json) throws JsonProcessingException {
        return new UpdateStore.Received(update.getUpdateId(), chat(update), json.writeValueAsString(update));
    }

    static @Nullable Long chat(Update update) {
        if (update.hasMessage()) {
            return update.getMessage().getChatId();
        }
        if (update.hasEditedMessage()) {
            return update.getEditedMessage().getChatId();
        }
        if (update.hasCallbackQuery()) {
            var query = update.getCallbackQuery();
            return query.getMessage() != null ? query.getMessage().getChatId() : query.getFrom().getId();
        }
        return null;
    }
}
