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
                    for (int bits = 0; bits < 32; bits++) {
                        var facts = new Facts((bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0,
                                (bits & 16) != 0);
                        assertThat(row.guard().test(facts) && other.guard().test(facts))
                                .as("%s and %s with %s", row, other, facts).isFalse();
                    }
                }
            }
        }
    }

    @Test
    void onlyTheRatingStepsLeadToClosed() {
        TransitionTable.ROWS.stream()
                .filter(row -> row.target() == ConversationState.CLOSED)
                .forEach(row -> assertThat(row.source()).as(row.toString())
                        .isIn(ConversationState.AWAITING_RATING, ConversationState.AWAITING_COMMENT));
    }

    @Test
    void everyOpenStateWaitsAtMostUntilATimeout() {
        for (ConversationState state : ConversationState.values()) {
            if (state.isOpen()) {
                assertThat(TransitionTable.ROWS).as("%s has a timeout", state)
                        .anyMatch(row -> row.source() == state && row.event() == ConversationEvent.INACTIVITY_TIMEOUT);
            }
        }
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
