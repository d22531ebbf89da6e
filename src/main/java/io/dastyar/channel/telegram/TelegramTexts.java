package io.dastyar.channel.telegram;

import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.User;

import io.dastyar.system.Language;

/** The channel's own words ({@code i18n/telegram*.properties}), and which language a Telegram user reads. */
@Component
@TelegramOn
class TelegramTexts {

    private final MessageSource messages;
    private final TelegramChats chats;

    TelegramTexts(MessageSource messages, TelegramChats chats) {
        this.messages = messages;
        this.chats = chats;
    }

    String text(Language language, String key) {
        return messages.getMessage(key, null, language.locale());
    }

    /** The language chosen with /language, else the one the user's Telegram app is set to, else English. */
    Language languageOf(long chat, User from) {
        return chats.language(chat).or(() -> spoken(from)).orElse(Language.EN);
    }

    static Optional<Language> spoken(User from) {
        return Optional.ofNullable(from).map(User::getLanguageCode).flatMap(Language::fromTag);
    }
}
