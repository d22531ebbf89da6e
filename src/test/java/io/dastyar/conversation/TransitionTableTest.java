package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TransitionTableTest {

    @Test
    void everyStateIsReachableFromTheStart() {
        assertThat(reachableFrom(ConversationState.BOT)).containsExactlyInAnyOrder(ConversationState.values());
    }

    @Test
    void noStateIsADeadEnd() {
        for (ConversationState state : ConversationState.values()) {
            assertThat(reachableFrom(state)).as("from %s", state).contains(ConversationState.CLOSED);
        }
    }

    @Test
    void rowsOfTheSameStateAndEventNeverBothApply() {
        for (Transition row : TransitionTable.ROWS) {
            for (Transition other : TransitionTable.ROWS) {
                if (row != other && row.source() == other.source() && row.event() == other.event()) {
                    for (int bits = 0; bits < AllFacts.COMBINATIONS; bits++) {
                        var facts = AllFacts.of(bits);
                        assertThat(row.guard().test(facts) && other.guard().test(facts))
                                .as("%s and %s with %s", row, other, facts).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void onlyTheSurveysStepsLeadToClosed() {
        TransitionTable.ROWS.stream()
                .filter(row -> row.target() == ConversationState.CLOSED)
                .forEach(row -> assertThat(row.source()).as(row.toString()).isIn(ConversationState.AWAITING_RATING,
                        ConversationState.AWAITING_COMMENT, ConversationState.AWAITING_NPS));
    }

    @Test
    void theSurveyStartsWithTheRatingQuestion() {
        var afterRating = EnumSet.of(ConversationState.AWAITING_COMMENT, ConversationState.AWAITING_NPS);
        TransitionTable.ROWS.stream()
                .filter(row -> afterRating.contains(row.target()) && row.source() != row.target())
                .forEach(row -> assertThat(row.source()).as(row.toString())
                        .isIn(ConversationState.AWAITING_RATING, ConversationState.AWAITING_COMMENT));
        TransitionTable.ROWS.stream()
                .filter(row -> row.target() == ConversationState.AWAITING_RATING && row.source() != row.target())
                .forEach(row -> assertThat(row.effects()).as(row.toString()).contains(Effect.ASK_RATING));
    }

    @Test
    void theNpsQuestionNeverHoldsAConversationOpen() {
        assertThat(TransitionTable.ROWS).filteredOn(row -> row.source() == ConversationState.AWAITING_NPS)
                .allMatch(row -> row.target() == ConversationState.CLOSED)
                .extracting(Transition::event).contains(ConversationEvent.NPS_GIVEN, ConversationEvent.NPS_SKIPPED,
                        ConversationEvent.MESSAGE, ConversationEvent.INACTIVITY_TIMEOUT, ConversationEvent.ENDED);
    }

    private static Set<ConversationState> reachableFrom(ConversationState start) {
        var seen = EnumSet.of(start);
        var todo = new ArrayDeque<ConversationState>();
        todo.add(start);
        while (!todo.isEmpty()) {
            var state = todo.poll();
            TransitionTable.ROWS.stream().filter(row -> row.source() == state)
                    .map(Transition::target).filter(seen::add).forEach(todo::add);
        }
        return seen;
    }
}
