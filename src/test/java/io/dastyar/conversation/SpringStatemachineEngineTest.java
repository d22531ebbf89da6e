package io.dastyar.conversation;

import static io.dastyar.conversation.ConversationEvent.*;
import static io.dastyar.conversation.ConversationState.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SpringStatemachineEngineTest {

    private final SpringStatemachineEngine engine = new SpringStatemachineEngine();

    @Test
    void everyRowOfTheTableFiresWhenItsGuardHolds() {
        for (Transition row : TransitionTable.ROWS) {
            Decision decision = engine.decide(row.source(), row.event(), factsSatisfying(row.guard()));
            assertThat(decision.accepted()).as(row.toString()).isTrue();
            assertThat(decision.target()).as(row.toString()).isEqualTo(row.target());
            assertThat(decision.effects()).as(row.toString()).isEqualTo(row.effects());
        }
    }

    @Test
    void guardsChooseBetweenRowsOfTheSameEvent() {
        var confident = new Facts(true, false, false, false);
        assertThat(engine.decide(BOT, MESSAGE, confident).target()).isEqualTo(AWAITING_FEEDBACK);
        assertThat(engine.decide(BOT, MESSAGE, Facts.NONE).effects()).containsExactly(Effect.SAY_NO_ANSWER);

        assertThat(engine.decide(BOT, MESSAGE, new Facts(true, true, false, false)).effects())
                .containsExactly(Effect.OFFER_CHOICES);

        var anotherCandidate = new Facts(false, false, true, false);
        assertThat(engine.decide(AWAITING_FEEDBACK, NOT_HELPED, anotherCandidate).effects())
                .containsExactly(Effect.OFFER_NEXT_CANDIDATE);
        var repeatedNotHelped = new Facts(false, false, true, true);
        assertThat(engine.decide(AWAITING_FEEDBACK, NOT_HELPED, repeatedNotHelped).effects())
                .containsExactly(Effect.OFFER_PERSON);
    }

    @Test
    void eventsWithoutARowAreDeniedAndLeaveTheStateAlone() {
        assertThat(engine.decide(BOT, RATING_GIVEN, Facts.NONE)).isEqualTo(Decision.denied(BOT));
        assertThat(engine.decide(WITH_AGENT, HELPED, Facts.NONE)).isEqualTo(Decision.denied(WITH_AGENT));
        assertThat(engine.decide(CLOSED, MESSAGE, Facts.NONE)).isEqualTo(Decision.denied(CLOSED));
    }

    @Test
    void aMachineBuiltFromAnotherTableFollowsThatTable() {
        var engineOfOneRow = new SpringStatemachineEngine(List.of(
                new Transition(BOT, ENDED, Guard.ALWAYS, AWAITING_RATING, List.of(Effect.ASK_RATING))));
        assertThat(engineOfOneRow.decide(BOT, ENDED, Facts.NONE).target()).isEqualTo(AWAITING_RATING);
        assertThat(engineOfOneRow.decide(BOT, MESSAGE, Facts.NONE).accepted()).isFalse();
    }

    static Facts factsSatisfying(Guard guard) {
        return switch (guard) {
            case ALWAYS, NO_CONFIDENT_ANSWER, FIRST_STRAY_TEXT, NOT_REMINDED, NPS_NOT_SAMPLED -> Facts.NONE;
            case CONFIDENT_ANSWER -> new Facts(true, false, false, false);
            case CLOSE_CALL -> new Facts(true, true, false, false);
            case ANOTHER_CANDIDATE -> new Facts(false, false, true, false);
            case GIVE_UP_ON_BOT -> new Facts(false, false, false, true);
            case STILL_NO_ANSWER -> new Facts(false, false, false, false, true);
            case STRAY_TEXT_AGAIN -> Facts.NONE.withSurvey(true, false, false);
            case REMINDED -> Facts.NONE.withSurvey(false, true, false);
            case NPS_SAMPLED -> Facts.NONE.withSurvey(false, false, true);
        };
    }
}
