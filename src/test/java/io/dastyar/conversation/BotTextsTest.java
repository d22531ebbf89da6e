package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.IcuMessageSource;
import io.dastyar.system.Language;

/** Every bot and widget text exists in every language, so no customer silently gets English. */
class BotTextsTest {

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bot", "widget"})
    void everyLanguageHasEveryKeyAndNoMore(String name) throws IOException {
        Properties english = bundle("i18n/" + name + ".properties");
        for (String language : List.of("fa", "ar", "az")) {
            Properties translated = bundle("i18n/" + name + "_" + language + ".properties");
            assertThat(translated.stringPropertyNames()).as(language).isEqualTo(english.stringPropertyNames());
            translated.stringPropertyNames().stream()
                    .filter(key -> !key.startsWith("rating.") && !key.startsWith("button."))
                    .forEach(key -> assertThat(translated.getProperty(key)).as(language + " " + key)
                            .isNotEqualTo(english.getProperty(key)));
        }
    }

    @Test
    void everyEffectHasWordsInEveryLanguage() {
        var replies = new BotReplies(botMessages(), Optional.of(SURVEY));
        Answer answer = new Answer("a", Language.EN, "A", "The answer.", 0.9, false);
        var prepared = new SelfService.Prepared(Facts.NONE, Optional.of(answer), List.of(answer, answer));
        for (Language language : Language.values()) {
            List<Reply> all = new java.util.ArrayList<>(replies.compose(List.of(Effect.values()), language, prepared, Trigger.of(ConversationEvent.RESOLVED)));
            all.addAll(replies.compose(List.of(Effect.ANNOUNCE_AGENT), language, prepared, new Trigger.AgentJoined("Sara")));
            for (int score = 1; score <= 5; score++) {
                all.addAll(replies.compose(List.of(Effect.ASK_COMMENT), language, prepared, new Trigger.Rating(score)));
            }
            all.add(replies.respond("bot.nps-invalid", language));
            all.add(replies.respond("bot.rated-after-closing", language));
            all.add(replies.respond("bot.rating-too-late", language));
            all.add(replies.queueStatus(language, new QueueOutlook.Waiting(3, Optional.of(new QueueOutlook.WaitRange(4, 7)))));
            all.add(replies.queueStatus(language, new QueueOutlook.Waiting(3, Optional.of(new QueueOutlook.WaitRange(0, 1)))));
            all.add(replies.queueStatus(language, new QueueOutlook.Waiting(3, Optional.of(new QueueOutlook.WaitRange(0, 3)))));
            all.add(replies.queueStatus(language, new QueueOutlook.Waiting(3, Optional.empty())));
            all.add(replies.queueStatus(language, new QueueOutlook.Closed(3, "Saturday, 7 December at 09:00")));
            all.add(replies.queueStatus(language, new QueueOutlook.NobodyOnline(3)));
            assertThat(all).allSatisfy(reply -> assertThat(reply.text()).isNotBlank().doesNotContain("{"));
            assertThat(replies.respond("bot.too-long", language, 4000).text()).doesNotContain("{0}");
        }
        assertThat(replies.respond("bot.too-long", Language.FA, 4000).text()).contains("۴٬۰۰۰");
        assertThat(replies.queueStatus(Language.FA, new QueueOutlook.Waiting(3, Optional.of(new QueueOutlook.WaitRange(4, 9)))).text())
                .contains("۳").contains("۴").contains("۹").doesNotContainPattern("[0-9]");
        assertThat(replies.queueStatus(Language.EN, new QueueOutlook.Waiting(3, Optional.of(new QueueOutlook.WaitRange(4, 7)))).text())
                .isEqualTo("You are number 3 in the queue. Expected wait: about 4–7 minutes.");
        assertThat(replies.queueStatus(Language.EN, new QueueOutlook.Waiting(1, Optional.of(new QueueOutlook.WaitRange(0, 1)))).text())
                .startsWith("You are number 1 in the queue.").contains("less than a minute");
        assertThat(replies.queueStatus(Language.EN, new QueueOutlook.Waiting(1, Optional.of(new QueueOutlook.WaitRange(0, 3)))).text())
                .isEqualTo("You are number 1 in the queue. Expected wait: up to 3 minutes.");
        assertThat(replies.queueStatus(Language.AR, new QueueOutlook.Waiting(1, Optional.of(new QueueOutlook.WaitRange(0, 3)))).text())
                .endsWith("حتى ٣ دقائق.");
        assertThat(replies.queueStatus(Language.EN, new QueueOutlook.Closed(2, "Saturday, 7 December at 09:00")).text())
                .isEqualTo("You are number 2 in the queue. We're closed now. We open on Saturday, 7 December at 09:00 and will reply then.");
        assertThat(replies.queueStatus(Language.EN, new QueueOutlook.NobodyOnline(2)).text())
                .startsWith("You are number 2 in the queue.").contains("online").contains("Leave your message here")
                .doesNotContainPattern("minute");
    }

    /** Faces, and the built-in reasons with the bot's words for them. */
    private static final SurveyPolicy SURVEY = new SurveyPolicy() {
        @Override
        public List<String> faces() {
            return List.of("😞", "🙁", "😐", "🙂", "😀");
        }

        @Override
        public java.util.Map<String, String> reasons(Language language) {
            return java.util.Map.of("slow", "It took too long");
        }
    };

    @Test
    void theSurveyAsksInWordsThatFitTheRatingWithFacesAndTheCustomersDigits() {
        var replies = new BotReplies(botMessages(), Optional.of(SURVEY));
        var nothing = SelfService.Prepared.NOTHING;

        Reply question = replies.compose(List.of(Effect.ASK_RATING), Language.EN, nothing, Trigger.of(ConversationEvent.ENDED)).getFirst();
        assertThat(question.quickReplies()).extracting(QuickReply::label)
                .containsExactly("😞 Very dissatisfied", "🙁 Dissatisfied", "😐 Neither", "🙂 Satisfied", "😀 Very satisfied");

        Reply low = replies.compose(List.of(Effect.ASK_COMMENT), Language.EN, nothing, new Trigger.Rating(2)).getFirst();
        assertThat(low.text()).contains("What went wrong");
        assertThat(low.quickReplies()).extracting(QuickReply::payload).containsExactly("reason:slow", QuickReply.SKIP_COMMENT);
        Reply neutral = replies.compose(List.of(Effect.ASK_COMMENT), Language.EN, nothing, new Trigger.Rating(3)).getFirst();
        assertThat(neutral.text()).contains("could we have done better");
        assertThat(neutral.quickReplies()).extracting(QuickReply::payload).containsExactly(QuickReply.SKIP_COMMENT);
        Reply high = replies.compose(List.of(Effect.ASK_COMMENT), Language.EN, nothing, new Trigger.Rating(5)).getFirst();
        assertThat(high.text()).contains("What went well");

        Reply nps = replies.compose(List.of(Effect.ASK_NPS), Language.FA, nothing, Trigger.of(ConversationEvent.COMMENT_SKIPPED)).getFirst();
        assertThat(nps.quickReplies()).hasSize(12);
        assertThat(nps.quickReplies().get(10)).isEqualTo(new QuickReply("۱۰", "nps:10"));
        assertThat(nps.quickReplies().getLast().payload()).isEqualTo(QuickReply.SKIP_NPS);
        assertThat(replies.compose(List.of(Effect.CLOSE_UNRATED), Language.EN, nothing, Trigger.of(ConversationEvent.INACTIVITY_TIMEOUT))
                .getFirst().text()).contains("24 more hours");
    }

    static IcuMessageSource botMessages() {
        var messages = new IcuMessageSource();
        messages.setBasename("i18n/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties bundle(String path) throws IOException {
        var properties = new Properties();
        try (var in = BotTextsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
