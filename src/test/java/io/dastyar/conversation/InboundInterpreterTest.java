package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.dastyar.conversation.Inbound.Button;
import io.dastyar.conversation.Inbound.Text;
import io.dastyar.conversation.Interpretation.Fire;
import io.dastyar.conversation.Interpretation.Respond;

class InboundInterpreterTest {

    private final InboundInterpreter interpreter = new InboundInterpreter();

    @Test
    void buttonsBecomeTheirEvents() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_FEEDBACK, new Button("helped")))
                .isEqualTo(new Fire(ConversationEvent.HELPED));
        assertThat(interpreter.interpret(ConversationState.BOT, new Button("person")))
                .isEqualTo(new Fire(ConversationEvent.ASKED_FOR_PERSON));
        assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, new Button("rate:5")))
                .isEqualTo(new Fire(ConversationEvent.RATING_GIVEN, null, 5));
        assertThat(interpreter.interpret(ConversationState.BOT, new Button("no-such-button")))
                .isEqualTo(new Respond("bot.stale-action"));
    }

    @Test
    void commandsWorkInAnyStateAndUnknownOnesAreExplained() {
        assertThat(interpreter.interpret(ConversationState.WITH_AGENT, new Text("/end")))
                .isEqualTo(new Fire(ConversationEvent.ENDED));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/Person please")))
                .isEqualTo(new Fire(ConversationEvent.ASKED_FOR_PERSON));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/start")))
                .isEqualTo(new Respond("bot.greeting"));
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("/refund")))
                .isEqualTo(new Respond("bot.unknown-command"));
    }

    @Test
    void ratingsAreReadInLatinPersianAndArabicDigits() {
        for (String four : new String[] {"4", "۴", "٤", " 4 "}) {
            assertThat(interpreter.interpret(ConversationState.AWAITING_RATING, new Text(four)))
                    .as(four).isEqualTo(new Fire(ConversationEvent.RATING_GIVEN, null, 4));
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
                .isEqualTo(new Fire(ConversationEvent.MESSAGE, "great service", null));
    }

    @Test
    void textAfterTheRatingIsTheComment() {
        assertThat(interpreter.interpret(ConversationState.AWAITING_COMMENT, new Text("Fast, thanks")))
                .isEqualTo(new Fire(ConversationEvent.COMMENT_GIVEN, "Fast, thanks", null));
    }
}
