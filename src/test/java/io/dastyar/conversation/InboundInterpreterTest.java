package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.dastyar.conversation.Interpretation.Respond;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;

class InboundInterpreterTest {

    private final InboundInterpreter interpreter = new InboundInterpreter(PersonRequestsTest.fromBundles());

    @Test
    void buttonsBecomeTheirEvents() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_FEEDBACK, new Button("helped")))
                .isEqualTo(Trigger.of(ConversationEvent.HELPED));
        assertThat(interpreter.interpret(ConversationState.BOT, new Button("person")))
                .isEqualTo(Trigger.of(ConversationEvent.ASKED_FOR_PERSON));
        assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, new Button("rate:5")))
                .isEqualTo(new Trigger.Rating(5));
        assertThat(interpreter.interpret(ConversationState.BOT, new Button("no-such-button")))
                .isEqualTo(new Respond("bot.stale-action"));
    }

    @Test
    void commandsWorkInAnyStateAndUnknownOnesAreExplained() {
        assertThat(interpreter.interpret(ConversationState.WITH_AGENT, new Text("/end")))
                .isEqualTo(Trigger.of(ConversationEvent.ENDED));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/Person please")))
                .isEqualTo(Trigger.of(ConversationEvent.ASKED_FOR_PERSON));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/start")))
                .isEqualTo(new Respond("bot.greeting"));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/refund")))
                .isEqualTo(new Respond("bot.unknown-command"));
    }

    @Test
    void ratingsAreReadInLatinPersianAndArabicDigits() {
        for (String four : new String[] {"4", "۴", "٤", " 4 "}) {
            assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, new Text(four)))
                    .as(four).isEqualTo(new Trigger.Rating(4));
        }
    }

    @Test
    void badRatingsAreExplainedAndWordsAreJustMessages() {
        for (String bad : new String[] {"0", "6", "45", "rate:9"}) {
            var content = bad.startsWith("rate:") ? new Button(bad) : new Text(bad);
            assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, content))
                    .as(bad).isEqualTo(new Respond("bot.rating-invalid"));
        }
        assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, new Text("great service")))
                .isEqualTo(new Trigger.Message("great service"));
    }

    @Test
    void npsAnswersAreZeroToTenAndAReasonCarriesItsCode() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, new Button("nps:0"))).isEqualTo(new Trigger.Nps(0));
        assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, new Text("۱۰"))).isEqualTo(new Trigger.Nps(10));
        assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, new Text("٧"))).isEqualTo(new Trigger.Nps(7));
        for (String bad : new String[] {"11", "99", "nps:11", "nps:-1", "nps:x"}) {
            var content = bad.startsWith("nps:") ? new Button(bad) : new Text(bad);
            assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, content))
                    .as(bad).isEqualTo(new Respond("bot.nps-invalid"));
        }
        assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, new Text("no thanks")))
                .isEqualTo(new Trigger.Message("no thanks"));
        assertThat(interpreter.interpret(ConversationState.AWAITING_NPS, new Button("skip_nps")))
                .isEqualTo(Trigger.of(ConversationEvent.NPS_SKIPPED));
        assertThat(interpreter.interpret(ConversationState.AWAITING_COMMENT, new Button("reason:slow")))
                .isEqualTo(new Trigger.Reason("slow"));
        assertThatThrownBy(() -> new Trigger.Nps(11)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aChosenArticleCarriesItsId() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_FEEDBACK, new Button("choose:returns")))
                .isEqualTo(new Trigger.ChosenArticle("returns"));
    }

    @Test
    void eachTriggerCarriesOnlyWhatItsEventMeans() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Trigger.of(ConversationEvent.RATING_GIVEN))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trigger.Rating(6))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Trigger.AgentJoined(" "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textAfterTheRatingIsTheComment() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_COMMENT, new Text("Fast, thanks")))
                .isEqualTo(new Trigger.Comment("Fast, thanks"));
    }
}
