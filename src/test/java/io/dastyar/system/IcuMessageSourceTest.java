package io.dastyar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Plural forms come from CLDR through ICU, in each language's own digits. */
class IcuMessageSourceTest {

    private final IcuMessageSource messages = bundles();

    @ParameterizedTest
    @CsvSource({
            "2, إلى دقيقتين تقريباً.",
            "3, إلى ٣ دقائق تقريباً.",
            "10, إلى ١٠ دقائق تقريباً.",
            "11, إلى ١١ دقيقة تقريباً.",
            "100, إلى ١٠٠ دقيقة تقريباً."})
    void arabicCountsMinutesInTheFormTheNumberTakes(int minutes, String ending) {
        assertThat(queueStatus("ar", minutes)).endsWith(ending);
    }

    @Test
    void englishSaysOneMinuteAndTwoMinutes() {
        assertThat(queueStatus("en", 2)).endsWith("about 1–2 minutes.");
        assertThat(messages.getMessage("bot.queue-status", new Object[] {3, 0, 1}, Locale.ENGLISH))
                .endsWith("about 0–1 minute.");
    }

    @Test
    void persianAndArabicWriteTheirOwnDigits() {
        assertThat(queueStatus("fa", 12)).contains("۱۲").doesNotContain("12");
        assertThat(messages.getMessage("bot.too-long", new Object[] {4000}, Language.FA.locale()))
                .contains("۴٬۰۰۰");
        assertThat(queueStatus("ar", 12)).contains("١٢");
    }

    @Test
    void messagesWithoutArgumentsKeepTheirApostrophes() {
        assertThat(messages.getMessage("bot.no-answer", null, Locale.ENGLISH)).contains("don't");
        assertThat(messages.getMessage("bot.agent-joined-named", new Object[] {"O'Brien"}, Locale.ENGLISH))
                .startsWith("O'Brien from our team");
    }

    private String queueStatus(String language, int minutes) {
        return messages.getMessage("bot.queue-status", new Object[] {3, 1, minutes}, Language.fromTag(language).orElseThrow().locale());
    }

    private static IcuMessageSource bundles() {
        var messages = new IcuMessageSource();
        messages.setBasenames("i18n/bot", "i18n/widget");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
