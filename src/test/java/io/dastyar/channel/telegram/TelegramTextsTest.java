package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Every Telegram text exists in every language and is written for it, so no Telegram user silently gets English (the
 * languages' own names, on the /language buttons, are the same for everyone and kept in the default bundle only); and
 * every command in the menu has its description, and a line in /help, in each language.
 */
class TelegramTextsTest {

    @Test
    void everyLanguageHasEveryKeyWrittenForIt() throws IOException {
        Properties english = bundle("i18n/telegram.properties");
        for (String language : List.of("fa", "ar", "az")) {
            Properties translated = bundle("i18n/telegram_" + language + ".properties");
            assertThat(translated.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("telegram.language-name.")).collect(java.util.stream.Collectors.toSet()));
            translated.stringPropertyNames().stream()
                    .forEach(key -> assertThat(translated.getProperty(key)).as(language + " " + key)
                            .isNotBlank().isNotEqualTo(english.getProperty(key)));
        }
    }

    @Test
    void everyCommandInTheMenuIsDescribedAndListedInHelp() throws IOException {
        for (String suffix : List.of("", "_fa", "_ar", "_az")) {
            Properties texts = bundle("i18n/telegram" + suffix + ".properties");
            for (String command : List.of("start", "help", "human", "language", "end", "subscribe", "unsubscribe")) {
                assertThat(texts.getProperty("telegram.command." + command)).as(suffix + " " + command).isNotBlank();
                if (!command.equals("start")) {
                    assertThat(texts.getProperty("telegram.help")).as(suffix + " help").contains("/" + command);
                }
            }
        }
    }

    private static Properties bundle(String path) throws IOException {
        var properties = new Properties();
        try (var in = TelegramTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
