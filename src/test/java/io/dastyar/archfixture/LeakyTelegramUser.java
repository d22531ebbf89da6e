package io.dastyar.archfixture;

import org.telegram.telegrambots.meta.api.objects.Update;

/** A deliberate violation for ModularityTest: a TelegramBots type outside the Telegram channel. */
public class LeakyTelegramUser {

    public Update update() {
        return null;
    }
}
