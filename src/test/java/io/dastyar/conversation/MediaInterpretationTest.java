package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dastyar.conversation.Interpretation.Respond;
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.Inbound.Media;
import io.dastyar.conversation.channel.Inbound.Text;

/** What a photo, file or location means in each state: the bot reads text only, people see everything. */
class MediaInterpretationTest {

    private final InboundInterpreter interpreter = new InboundInterpreter(PersonRequestsTest.fromBundles());
    private final SpringStatemachineEngine engine = new SpringStatemachineEngine();

    private static List<Media> everyKind(Optional<String> caption) {
        return List.of(Attachment.Kind.values()).stream()
                .map(kind -> new Media(kind == Attachment.Kind.LOCATION ? Attachment.location(35.6892, 51.389)
                        : Attachment.of(kind, "file-" + kind), caption))
                .toList();
    }

    @Test
    void inSelfServiceTheBotSaysItReadsTextOnlyEvenWithACaptionThatAsksAQuestion() {
        for (var state : List.of(ConversationState.BOT, ConversationState.AWAITING_FEEDBACK)) {
            for (Media media : everyKind(Optional.of("how do I return this?"))) {
                assertThat(interpreter.interpret(state, media)).as("%s %s", state, media)
                        .isEqualTo(new Respond("bot.text-only"));
            }
            assertThat(interpreter.interpret(state, everyKind(Optional.empty()).getFirst()))
                    .isEqualTo(new Respond("bot.text-only"));
        }
    }

    @Test
    void waitingForOrWithAPersonItIsAMessageForThemAndTheBotStaysSilentOrRemindsOfTheQueue() {
        for (Media media : everyKind(Optional.of("the broken box"))) {
            assertThat(interpreter.interpret(ConversationState.WITH_AGENT, media))
                    .isEqualTo(new Trigger.Message("the broken box"));
            assertThat(interpreter.interpret(ConversationState.QUEUED, media))
                    .isEqualTo(new Trigger.Message("the broken box"));
        }
        Interpretation bare = interpreter.interpret(ConversationState.WITH_AGENT, everyKind(Optional.empty()).getFirst());
        assertThat(bare).isEqualTo(new Trigger.Message(""));
        assertThat(engine.decide(ConversationState.WITH_AGENT, ConversationEvent.MESSAGE, Facts.NONE).effects())
                .containsExactly(Effect.FORWARD_TO_AGENT);
        assertThat(engine.decide(ConversationState.QUEUED, ConversationEvent.MESSAGE, Facts.NONE).effects())
                .containsExactly(Effect.REMIND_QUEUED);
    }

    @Test
    void inTheSurveyACaptionIsReadAsTextWouldBeAndWithoutOneTheCustomerIsAskedToAnswerInWords() {
        Media captioned = new Media(Attachment.of(Attachment.Kind.PHOTO, "p"), Optional.of("Quick and kind, thanks"));
        assertThat(interpreter.interpret(ConversationState.AWAITING_COMMENT, captioned))
                .isEqualTo(new Trigger.Comment("Quick and kind, thanks"));
        assertThat(interpreter.interpret(ConversationState.AWAITING_RATING,
                new Media(Attachment.of(Attachment.Kind.STICKER, "s"), Optional.of(" ۵ "))))
                .isEqualTo(new Trigger.Rating(5));
        for (var state : List.of(ConversationState.AWAITING_RATING, ConversationState.AWAITING_COMMENT)) {
            for (Media media : everyKind(Optional.empty())) {
                assertThat(interpreter.interpret(state, media)).as("%s %s", state, media)
                        .isEqualTo(new Respond("bot.answer-in-text"));
            }
        }
    }

    /**
     * Whatever the state, a photo is never a button the machine cannot take ("That option isn't available"), never a
     * question for the bot, and closes a conversation only as the survey's comment or NPS answer, after the rating question.
     */
    @Test
    void noStateTurnsAnAttachmentIntoAStaleActionABotAnswerOrAnUnratedClose() {
        int checked = 0;
        for (ConversationState state : ConversationState.values()) {
            if (state == ConversationState.CLOSED) {
                continue; // a closed conversation is never loaded for a message: a new one opens
            }
            for (Optional<String> caption : List.of(Optional.<String>empty(), Optional.of("look"), Optional.of("3"))) {
                for (Media media : everyKind(caption)) {
                    Interpretation meaning = interpreter.interpret(state, media);
                    if (meaning instanceof Trigger trigger) {
                        Decision decision = engine.decide(state, trigger.event(), Facts.NONE);
                        assertThat(decision.accepted()).as("%s in %s", trigger, state).isTrue();
                        assertThat(decision.effects()).as("%s in %s", trigger, state).doesNotContain(Effect.ANSWER,
                                Effect.OFFER_CHOICES, Effect.SAY_NO_ANSWER, Effect.OFFER_PERSON_UNANSWERED);
                        if (decision.target() == ConversationState.CLOSED) {
                            assertThat(state).as("closes only after the rating question").isIn(
                                    ConversationState.AWAITING_COMMENT, ConversationState.AWAITING_NPS);
                        }
                    }
                    checked++;
                }
            }
        }
        assertThat(checked).isEqualTo((ConversationState.values().length - 1) * 3 * Attachment.Kind.values().length);
    }

    @Test
    void textStillMeansWhatItMeant() {
        assertThat(interpreter.interpret(ConversationState.BOT, new Text("where is my order?")))
                .isEqualTo(new Trigger.Message("where is my order?"));
    }
}
