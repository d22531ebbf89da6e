package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.dastyar.conversation.answer.AnswerSource;
import io.dastyar.conversation.answer.Candidates;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.system.IcuMessageSource;
import io.dastyar.system.Language;

/**
 * Typed requests for a person, measured against labelled messages in {@code src/test/resources/person-requests}:
 * {@code <lang>.tsv} is the set the phrases were tuned on (recall and precision are asserted); {@code
 * held-out-1/} and {@code held-out-2/} were written afterwards and are only reported. See docs/person-requests.md.
 */
class PersonRequestsTest {

    private static final double MIN_RECALL = 0.90;
    private static final double MIN_PRECISION = 0.95;

    private static final PersonRequests REQUESTS = fromBundles();

    /** The recognizer over the real bundles, as the application builds it. */
    static PersonRequests fromBundles() {
        var messages = new IcuMessageSource();
        messages.setBasename("i18n/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new PersonRequests(messages);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLabelledSetIsRecognisedWithHighRecallAndPrecision(Language language) throws IOException {
        Score score = score(language, "person-requests/" + language.tag() + ".tsv");
        System.out.println(score.report("main set"));
        assertThat(score.recall()).as("%s recall; missed %s", language, score.missed).isGreaterThanOrEqualTo(MIN_RECALL);
        assertThat(score.precision()).as("%s precision; wrongly taken %s", language, score.wronglyTaken)
                .isGreaterThanOrEqualTo(MIN_PRECISION);
        assertThat(score.requests).as("requests in the set").isGreaterThanOrEqualTo(25);
        assertThat(score.others).as("look-alikes in the set").isGreaterThanOrEqualTo(25);
    }

    /**
     * Reported, not asserted, so that they stay honest. Set 1 was written after the main set passed and before its
     * first run; that run found English too narrow, and the English lists were widened, so set 1 is no longer blind.
     * Set 2 was written after that and nothing was tuned on it.
     */
    @ParameterizedTest
    @CsvSource({"held-out-1, en", "held-out-1, fa", "held-out-1, ar", "held-out-1, az",
            "held-out-2, en", "held-out-2, fa", "held-out-2, ar", "held-out-2, az"})
    void theHeldOutSetsAreReported(String set, String tag) throws IOException {
        Language language = Language.fromTag(tag).orElseThrow();
        Score score = score(language, "person-requests/" + set + "/" + tag + ".tsv");
        System.out.println(score.report(set));
        assertThat(score.requests).isEqualTo(10);
        assertThat(score.others).isEqualTo(10);
    }

    @Test
    void spellingVariantsMeetTheSameWords() {
        for (String text : List.of("میخوام با اپراتور صحبت کنم", "می‌خوام با اپراتور صحبت کنم",
                "می خوام با اپراتور صحبت کنم", "ميخوام با اپراتور صحبت كنم", "میخوام با اپراتوووور صحبت کنم")) {
            assertThat(REQUESTS.isRequest(text, Language.FA)).as(text).isTrue();
        }
        for (String text : List.of("أريد التحدث مع موظف", "اريد التحدث مع موظف", "أُرِيدُ التَّحَدُّثَ مَعَ مُوَظَّفٍ",
                "أريد التحـــدث مع مـوظف", "ﺃﺭﻳﺪ ﺍﻟﺘﺤﺪﺙ ﻣﻊ ﻣﻮﻇﻒ")) {
            assertThat(REQUESTS.isRequest(text, Language.AR)).as(text).isTrue();
        }
        for (String text : List.of("İnsanla danışmaq istəyirəm", "INSANLA DANIŞMAQ İSTƏYİRƏM", "insanla danismaq isteyirem",
                "Operatorla danışmaq istəyirəm", "operatorla danışmaq istəyirəm!!!")) {
            assertThat(REQUESTS.isRequest(text, Language.AZ)).as(text).isTrue();
        }
        for (String text : List.of("TALK TO A HUMAN", "talk to a human!!!", "talk to a  human...", "Ｔａｌｋ ｔｏ ａ ｈｕｍａｎ")) {
            assertThat(REQUESTS.isRequest(text, Language.EN)).as(text).isTrue();
        }
    }

    @Test
    void wordsAreMatchedWholeNotInsideOtherWords() {
        for (String text : List.of("Is the packaging humane?", "Is there a human-readable invoice?",
                "Do you sell agentless cameras?", "speaker for my talkshow", "I need a personal invoice")) {
            assertThat(REQUESTS.explain(text, Language.EN)).as(text).isEmpty();
        }
    }

    @Test
    void aNegationBeforeOrAfterCancelsTheRequestButNotInAnotherClause() {
        assertThat(REQUESTS.isRequest("I don't want to talk to a person", Language.EN)).isFalse();
        assertThat(REQUESTS.isRequest("I don't want a bot, let me talk to a person", Language.EN)).isTrue();
        assertThat(REQUESTS.isRequest("نمی‌خوام با اپراتور صحبت کنم", Language.FA)).isFalse();
        assertThat(REQUESTS.isRequest("Operatorla danışmaq istəmirəm", Language.AZ)).isFalse();
        assertThat(REQUESTS.isRequest("لا أريد التحدث مع موظف", Language.AR)).isFalse();
    }

    @Test
    void theTalkToAPersonButtonTypedOutIsARequestInEveryLanguage() {
        var messages = new IcuMessageSource();
        messages.setBasename("i18n/bot");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        for (Language language : Language.values()) {
            String label = messages.getMessage("button.person", null, language.locale());
            assertThat(REQUESTS.isRequest(label, language)).as(label).isTrue();
        }
    }

    @Test
    void aMistakeInTheBundleNamesTheKeyAndLanguage() {
        var bundle = new java.util.HashMap<String, String>();
        for (String key : List.of("human", "someone", "team", "talk", "want", "alone", "others", "unless-before",
                "unless-after")) {
            bundle.put("person." + key, "word");
        }
        bundle.put("person.patterns", "{talk} ~ {humans}");
        assertThatThrownBy(() -> PersonRequestRules.parse(Language.FA, bundle::get))
                .hasMessageContaining("fa person.patterns").hasMessageContaining("{humans}");
        bundle.put("person.patterns", "~ {talk}");
        assertThatThrownBy(() -> PersonRequestRules.parse(Language.AZ, bundle::get))
                .hasMessageContaining("az person.patterns").hasMessageContaining("must begin and end");
        bundle.put("person.patterns", "{talk} ~ {human}");
        bundle.put("person.others", "delivery *");
        assertThatThrownBy(() -> PersonRequestRules.parse(Language.EN, bundle::get))
                .hasMessageContaining("en person.others").hasMessageContaining("no word");
    }

    @Test
    void aRequestInAnotherLanguageThanTheConversationsIsStillOne() {
        assertThat(REQUESTS.explain("میخوام با اپراتور صحبت کنم", Language.EN)).hasValueSatisfying(
                rule -> assertThat(rule).startsWith("fa: "));
        assertThat(REQUESTS.isRequest("Can I talk to a human?", Language.AZ)).isTrue();
        assertThat(REQUESTS.isRequest("Can I talk to a human?", null)).isTrue();
    }

    @Test
    void onlyInSelfServiceIsTypedTextAHandOff() {
        var interpreter = new InboundInterpreter(REQUESTS);
        Text request = new Text("میخوام با اپراتور صحبت کنم");
        for (ConversationState state : List.of(ConversationState.BOT, ConversationState.AWAITING_FEEDBACK)) {
            assertThat(interpreter.interpret(state, request, Language.FA)).as(state.name())
                    .isEqualTo(Trigger.of(ConversationEvent.ASKED_FOR_PERSON));
        }
        for (ConversationState state : List.of(ConversationState.QUEUED, ConversationState.WITH_AGENT,
                ConversationState.AWAITING_RATING)) {
            assertThat(interpreter.interpret(state, request, Language.FA)).as(state.name())
                    .isEqualTo(new Trigger.Message(request.text()));
        }
        assertThat(interpreter.interpret(ConversationState.AWAITING_COMMENT, request, Language.FA))
                .isEqualTo(new Trigger.Comment(request.text()));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("شماره تلفن پشتیبانی چیه؟"), Language.FA))
                .isEqualTo(new Trigger.Message("شماره تلفن پشتیبانی چیه؟"));
    }

    @Test
    void theLookAheadDoesNotRankARequestForAPerson() {
        var ranked = new AtomicInteger();
        AnswerSource source = (question, language) -> {
            ranked.incrementAndGet();
            return Candidates.NONE;
        };
        var properties = new ConversationProperties(Language.EN, 4_000, 2, 2, Duration.ofMinutes(15),
                Duration.ofHours(24), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofDays(30),
                Duration.ofSeconds(30));
        var selfService = new SelfService(new StaticListableBeanFactory(Map.of("answers", source))
                .getBeanProvider(AnswerSource.class), properties, REQUESTS);
        var customer = new ChannelAddress("test", "visitor");

        assertThat(selfService.lookAhead(new Inbound(customer, "1", new Text("میخوام با اپراتور صحبت کنم"),
                Optional.of(Language.FA)), Optional.empty())).isEqualTo(SelfService.LookAhead.NONE);
        assertThat(ranked).hasValue(0);

        selfService.lookAhead(new Inbound(customer, "2", new Text("شماره تلفن پشتیبانی چیه؟"),
                Optional.of(Language.FA)), Optional.empty());
        assertThat(ranked).hasValue(1);
    }

    /** Reported, not asserted: the build machine is shared. A look-alike is the slow case: all four languages run. */
    @Test
    void aMessageIsCheckedQuickly() {
        String shortOne = "Where is my parcel? It was supposed to come on Monday";
        String longOne = "My parcel was supposed to come on Monday, the tracking page says delivered. ".repeat(50);
        assertThat(longOne).hasSizeLessThan(4_000);
        for (String message : List.of(shortOne, longOne)) {
            for (int i = 0; i < 2_000; i++) {
                REQUESTS.isRequest(message, Language.EN); // warm up
            }
            int runs = 1_000;
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                assertThat(REQUESTS.isRequest(message, Language.EN)).isFalse();
            }
            System.out.printf(Locale.ROOT, "A look-alike of %d characters takes %.1f µs%n", message.length(),
                    (System.nanoTime() - start) / 1_000.0 / runs);
        }
    }

    private static Score score(Language language, String resource) throws IOException {
        var score = new Score(language);
        try (var in = PersonRequestsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", 2);
                assertThat(fields).as(line).hasSize(2);
                assertThat(fields[0]).as(line).isIn("person", "other");
                boolean labelled = fields[0].equals("person");
                score.add(labelled, fields[1], REQUESTS.explain(fields[1], language));
            }
        }
        return score;
    }

    private static final class Score {
        final Language language;
        int requests;
        int others;
        int found;
        int wronglyFound;
        final List<String> missed = new ArrayList<>();
        final List<String> wronglyTaken = new ArrayList<>();

        Score(Language language) {
            this.language = language;
        }

        void add(boolean labelled, String text, Optional<String> rule) {
            if (labelled) {
                requests++;
                if (rule.isPresent()) {
                    found++;
                } else {
                    missed.add(text);
                }
            } else {
                others++;
                if (rule.isPresent()) {
                    wronglyFound++;
                    wronglyTaken.add(text + "   [" + rule.get() + "]");
                }
            }
        }

        double recall() {
            return requests == 0 ? 1 : (double) found / requests;
        }

        double precision() {
            return found + wronglyFound == 0 ? 1 : (double) found / (found + wronglyFound);
        }

        String report(String set) {
            var report = new StringBuilder(String.format(Locale.ROOT,
                    "%s %s: recall %.1f%% (%d of %d requests), precision %.1f%% (%d look-alikes of %d taken)%n",
                    language.tag(), set, 100 * recall(), found, requests, 100 * precision(), wronglyFound, others));
            missed.forEach(text -> report.append("  missed: ").append(text).append('\n'));
            wronglyTaken.forEach(text -> report.append("  taken:  ").append(text).append('\n'));
            return report.toString();
        }
    }
}
