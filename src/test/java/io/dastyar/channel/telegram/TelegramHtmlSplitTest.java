package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Articles longer than one Telegram message (4,096 UTF-16 units) are split at paragraph boundaries, each part as full
 * as it can be; a paragraph longer than a message is cut between words, never inside an entity or a surrogate pair.
 */
class TelegramHtmlSplitTest {

    /** A paragraph of Persian words with an emoji (two UTF-16 units) and an escaped ampersand, about 600 units. */
    private static String paragraph(int n) {
        return "<b>بند " + n + "</b> " + "برای بازگرداندن کالا 📦 به بخش سفارش‌ها بروید &amp; دکمه را بزنید. ".repeat(9);
    }

    @Test
    void aLongArticleIsSplitAtParagraphBoundariesIntoFullMessages() {
        List<String> paragraphs = new ArrayList<>();
        for (int n = 1; n <= 20; n++) {
            paragraphs.add(paragraph(n));
        }
        String article = String.join("\n\n", paragraphs);
        assertThat(article.length()).isGreaterThan(3 * TelegramHtml.MAX_MESSAGE);

        List<String> parts = TelegramHtml.split(article, TelegramHtml.MAX_MESSAGE);

        assertThat(parts).hasSizeGreaterThan(3).allSatisfy(part ->
                assertThat(part.length()).isLessThanOrEqualTo(TelegramHtml.MAX_MESSAGE));
        assertThat(String.join("\n\n", parts)).as("nothing lost, nothing cut inside a paragraph").isEqualTo(article);
        assertThat(parts).allSatisfy(part -> assertThat(part).startsWith("<b>بند ").endsWith("بزنید. "));
        for (int i = 0; i < parts.size() - 1; i++) {
            int nextParagraph = parts.get(i + 1).indexOf("\n\n");
            String next = nextParagraph < 0 ? parts.get(i + 1) : parts.get(i + 1).substring(0, nextParagraph);
            assertThat(parts.get(i).length() + 2 + next.length()).as("part %d is as full as it can be", i)
                    .isGreaterThan(TelegramHtml.MAX_MESSAGE);
        }
    }

    @Test
    void aParagraphLongerThanAMessageIsCutBetweenWordsKeepingEntitiesAndEmojiWhole() {
        String words = "Tap 📦 &amp; wait ".repeat(600);
        String noSpaces = "📦&amp;".repeat(1_000);

        for (String paragraph : List.of(words, noSpaces)) {
            List<String> parts = TelegramHtml.split("Intro\n\n" + paragraph, TelegramHtml.MAX_MESSAGE);
            assertThat(parts.getFirst()).isEqualTo("Intro");
            assertThat(parts).hasSizeGreaterThan(2).allSatisfy(part -> {
                assertThat(part.length()).isLessThanOrEqualTo(TelegramHtml.MAX_MESSAGE);
                assertThat(Character.isHighSurrogate(part.charAt(part.length() - 1))).as("emoji cut in two").isFalse();
                assertThat(Character.isLowSurrogate(part.charAt(0))).as("emoji cut in two").isFalse();
                assertThat(part.replace("&amp;", "")).as("entity cut in two").doesNotContain("&");
            });
            assertThat(String.join("", parts.subList(1, parts.size())).replace(" ", ""))
                    .isEqualTo(paragraph.replace(" ", ""));
        }
    }
}
