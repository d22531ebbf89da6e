package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * The CSAT invariant: no conversation reaches CLOSED without the rating question having been sent.
 * Thousands of random event sequences, with random guard facts, are driven through the real Spring
 * Statemachine engine.
 */
class CsatInvariantPropertyTest {

    private static final int SEQUENCES = 4_000;

    private final SpringStatemachineEngine engine = new SpringStatemachineEngine();

    record Step(ConversationEvent event, Facts facts) {
    }

    /** Each event with random guard facts: the five facts are the bits of a number. */
    private static final Gen<Step> STEPS = arbitrary().enumValues(ConversationEvent.class)
            .zip(integers().between(0, 31), (event, bits) -> new Step(event, new Facts((bits & 1) != 0,
                    (bits & 2) != 0, (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0)));

    @Test
    void everyPathIntoClosedAsksTheRatingQuestionFirst() {
        var closedRuns = new AtomicInteger();
        var pathsSeen = EnumSet.noneOf(ConversationState.class);

        qt().withExamples(SEQUENCES).withShrinkCycles(200)
                .forAll(lists().of(STEPS).ofSizeBetween(1, 60))
                .checkAssert(steps -> {
                    var state = ConversationState.BOT;
                    var effects = new ArrayList<Effect>();
                    var visited = new ArrayList<ConversationState>(List.of(state));
                    for (Step step : steps) {
                        Decision decision = engine.decide(state, step.event(), step.facts());
                        effects.addAll(decision.effects());
                        if (decision.target() == ConversationState.CLOSED && state != ConversationState.CLOSED) {
                            assertThat(effects).as("effects before closing, path %s", visited).contains(Effect.ASK_RATING);
                            assertThat(visited).as("states before closing").contains(ConversationState.AWAITING_RATING);
                            closedRuns.incrementAndGet();
                        }
                        state = decision.target();
                        visited.add(state);
                    }
                    pathsSeen.addAll(visited);
                });

        // Guard against a vacuous pass: the random walks must really have closed conversations, from every state.
        assertThat(closedRuns.get()).isGreaterThan(SEQUENCES / 4);
        assertThat(pathsSeen).containsExactlyInAnyOrder(ConversationState.values());
    }

    /** What only the bot says: once a person is asked for, none of these may reach the customer. */
    private static final Set<Effect> BOT_ANSWERS = EnumSet.of(Effect.ANSWER, Effect.OFFER_CHOICES, Effect.SAY_NO_ANSWER,
            Effect.OFFER_PERSON_UNANSWERED, Effect.OFFER_NEXT_CANDIDATE, Effect.OFFER_PERSON, Effect.INVITE_MORE_QUESTIONS);

    @Test
    void fromTheQueueOnTheBotNeverAnswersAgain() {
        var stepsAfterQueueing = new AtomicInteger();
        qt().withExamples(SEQUENCES).withShrinkCycles(200)
                .forAll(lists().of(STEPS).ofSizeBetween(1, 60))
                .checkAssert(steps -> {
                    var state = ConversationState.BOT;
                    boolean queued = false;
                    for (Step step : steps) {
                        Decision decision = engine.decide(state, step.event(), step.facts());
                        if (queued) {
                            assertThat(decision.effects()).as("%s in %s after queueing", step.event(), state)
                                    .doesNotContainAnyElementsOf(BOT_ANSWERS);
                            stepsAfterQueueing.incrementAndGet();
                        }
                        state = decision.target();
                        queued |= state == ConversationState.QUEUED;
                    }
                });
        // Not vacuous: many random walks went on for a while after reaching the queue.
        assertThat(stepsAfterQueueing.get()).isGreaterThan(SEQUENCES);
    }

    @Test
    void closedIsFinal() {
        for (ConversationEvent event : ConversationEvent.values()) {
            assertThat(engine.decide(ConversationState.CLOSED, event, new Facts(true, true, true, true)).accepted())
                    .as(event.name()).isFalse();
        }
    }
}
