package io.dastyar.channel.telegram;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;

import io.dastyar.system.Language;

/** The bot's command menu in each language (setMyCommands), English for everyone else. */
@Component
@TelegramOn
class CommandMenu {

    private static final Logger log = LoggerFactory.getLogger(CommandMenu.class);
    private static final List<String> COMMANDS = List.of("start", "help", "human", "language", "end", "subscribe",
            "unsubscribe");

    private final BotApi api;
    private final TelegramTexts texts;

    CommandMenu(BotApi api, TelegramTexts texts) {
        this.api = api;
        this.texts = texts;
    }

    /** @return whether every language's menu was set */
    boolean register() {
        var calls = new java.util.ArrayList<CompletableFuture<Boolean>>();
        calls.add(api.setCommands(commands(Language.EN), null));
        for (Language language : Language.values()) {
            calls.add(api.setCommands(commands(language), language.tag()));
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not set the bot's command menu; trying again later: {}", e.toString());
            return false;
        }
    }

    private List<BotCommand> commands(Language language) {
        return COMMANDS.stream().map(command -> new BotCommand(command, texts.text(language, "telegram.command." + command)))
                .toList();
    }
}
