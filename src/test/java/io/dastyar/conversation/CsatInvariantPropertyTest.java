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

    /** Each event with random guard facts: the facts are the bits of a number. */
    private static final Gen<Step> STEPS = arbitrary().enumValues(ConversationEvent.class)
            .zip(integers().between(0, AllFacts.COMBINATIONS - 1), (event, bits) -> new Step(event, AllFacts.of(bits)));

    @Test
    void everyPathIntoClosedAsksTheRatingQuestionFirst() {
        var closedRuns = new AtomicInteger();
        var pathsSeen = EnumSet.noneOf(ConversationState.class);
        var closedFrom = EnumSet.noneOf(ConversationState.class);

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
                            closedFrom.add(state);
                        }
                        state = decision.target();
                        visited.add(state);
                    }
                    pathsSeen.addAll(visited);
                });

        // Guard against a vacuous pass: the random walks must really have closed conversations, from every state.
        assertThat(closedRuns.get()).isGreaterThan(SEQUENCES / 4);
        assertThat(pathsSeen).containsExactlyInAnyOrder(ConversationState.values());
        assertThat(closedFrom).containsExactlyInAnyOrder(ConversationState.AWAITING_RATING,
                ConversationState.AWAITING_COMMENT, ConversationState.AWAITING_NPS);
    }

    /**
     * The survey's nudges: stray text gets the rating question once more, then is the comment; an unanswered
     * question gets one reminder, then closes. Walked with the facts the conversation would really have.
     */
    @Test
    void theRatingQuestionIsRepeatedOnceAndRemindedOnce() {
        Decision stray = engine.decide(ConversationState.AWAITING_RATING, ConversationEvent.MESSAGE, Facts.NONE);
        assertThat(stray.target()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(stray.effects()).containsExactly(Effect.REPEAT_RATING_QUESTION);
        Decision again = engine.decide(ConversationState.AWAITING_RATING, ConversationEvent.MESSAGE,
                Facts.NONE.withSurvey(true, false, false));
        assertThat(again.target()).isEqualTo(ConversationState.CLOSED);
        assertThat(again.effects()).containsExactly(Effect.KEEP_AS_COMMENT, Effect.THANK_AND_CLOSE);

        Decision quiet = engine.decide(ConversationState.AWAITING_RATING, ConversationEvent.INACTIVITY_TIMEOUT, Facts.NONE);
        assertThat(quiet.target()).isEqualTo(ConversationState.AWAITING_RATING);
        assertThat(quiet.effects()).containsExactly(Effect.REMIND_RATING);
        Decision stillQuiet = engine.decide(ConversationState.AWAITING_RATING, ConversationEvent.INACTIVITY_TIMEOUT,
                Facts.NONE.withSurvey(false, true, false));
        assertThat(stillQuiet.target()).isEqualTo(ConversationState.CLOSED);
        assertThat(stillQuiet.effects()).containsExactly(Effect.CLOSE_UNRATED);
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
            assertThat(engine.decide(ConversationState.CLOSED, event, AllFacts.of(AllFacts.COMBINATIONS - 1)).accepted())
                    .as(event.name()).isFalse();
        }
    }
}
