package io.dastyar.handoff.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class WaitEstimatorTest {

    static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");

    private final WaitEstimator estimator = new WaitEstimator(EtaSettings.DEFAULTS);

    @Test
    void promisesNothingWhenNoAgentCanServe() {
        assertThat(estimator.estimate(snapshot(1, List.of(), List.of(), List.of()))).isEmpty();
        assertThat(estimator.estimate(snapshot(1, List.of(new AgentLoad(0, 0)), List.of(), List.of()))).isEmpty();
    }

    @Test
    void aFreeSlotMeansLessThanAMinute() {
        Estimate estimate = estimate(2, List.of(new AgentLoad(3, 1)), List.of(), List.of());

        assertThat(estimate.expected()).isZero();
        assertThat(estimate.shown()).hasToString("less than a minute");
    }

    @Test
    void firstInLineWaitsForTheFirstOfTheBusySlotsToFree() {
        // Two busy slots, 6 minutes a chat by default: a slot frees every 3 minutes on average, exponentially.
        Estimate estimate = estimate(1, List.of(new AgentLoad(2, 2)), List.of(), List.of());

        assertThat(seconds(estimate.expected())).isCloseTo(180 * Math.log(2), within(0.01));
        assertThat(seconds(estimate.low())).isCloseTo(-180 * Math.log(0.85), within(0.01));
        assertThat(seconds(estimate.high())).isCloseTo(-180 * Math.log(0.15), within(0.01));
        assertThat(estimate.shown()).hasToString("0–6 min");
    }

    @Test
    void furtherBackTheWaitIsErlang() {
        // Place 5 with one of four slots free: four chats must end, at 4 per 6 minutes, so Gamma(4, 90 s).
        Estimate estimate = estimate(5, List.of(new AgentLoad(2, 2), new AgentLoad(2, 1)), List.of(), List.of());

        assertThat(seconds(estimate.expected())).isCloseTo(90 * 3.672061, within(0.01));
    }

    @Test
    void learnsTheHandleTimeOnceEnoughChatsEnded() {
        List<AgentLoad> busy = List.of(new AgentLoad(1, 1));
        Estimate byDefault = estimate(3, busy, List.of(), List.of());

        Estimate fromNine = estimate(3, busy, chats(9, Duration.ofMinutes(2)), List.of());
        Estimate fromTen = estimate(3, busy, chats(10, Duration.ofMinutes(2)), List.of());

        assertThat(fromNine).as("nine chats are too few to trust").isEqualTo(byDefault);
        assertThat(seconds(fromTen.expected())).isCloseTo(seconds(byDefault.expected()) / 3, within(0.01));
    }

    @Test
    void ignoresHistoryOutsideTheWindowAndAfterTheMoment() {
        List<AgentLoad> busy = List.of(new AgentLoad(1, 1));
        List<HandledChat> stale = new ArrayList<>(chats(20, Duration.ofMinutes(1)).stream()
                .map(chat -> new HandledChat(chat.endedAt().minus(Duration.ofHours(2)), chat.handleTime())).toList());
        stale.addAll(chats(20, Duration.ofMinutes(1)).stream()
                .map(chat -> new HandledChat(NOW.plusSeconds(1), chat.handleTime())).toList());

        assertThat(estimate(3, busy, stale, List.of())).isEqualTo(estimate(3, busy, List.of(), List.of()));
    }

    @Test
    void customersGivingUpAheadShortenTheWaitButNotForTheFirstInLine() {
        List<AgentLoad> busy = List.of(new AgentLoad(3, 3));
        List<PastWait> impatient = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            impatient.add(new PastWait(NOW.minusSeconds(60L * i), 4, Duration.ofMinutes(5), i % 2 == 0));
        }

        assertThat(estimate(10, busy, List.of(), impatient).expected())
                .isLessThan(estimate(10, busy, List.of(), List.of()).expected());
        assertThat(estimate(1, busy, List.of(), impatient)).isEqualTo(estimate(1, busy, List.of(), List.of()));
    }

    @Test
    void theSameSnapshotGetsTheSameEstimateWhateverTheOrderOfItsHistory() {
        List<HandledChat> chats = new ArrayList<>(chats(30, Duration.ofMinutes(4)));
        List<AgentLoad> agents = List.of(new AgentLoad(2, 2), new AgentLoad(3, 3));
        Estimate first = estimate(7, agents, chats, List.of());
        Collections.reverse(chats);

        assertThat(estimate(7, agents, chats, List.of())).isEqualTo(first);
    }

    @Test
    void settingsRejectARangeThatIsNotAroundTheMedian() {
        EtaSettings defaults = EtaSettings.DEFAULTS;
        assertThatThrownBy(() -> new EtaSettings(defaults.window(), defaults.defaultHandleTime(),
                defaults.minimumSamples(), defaults.assignmentDelay(), 0.6, 0.9))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private Estimate estimate(int place, List<AgentLoad> agents, List<HandledChat> chats, List<PastWait> waits) {
        return estimator.estimate(snapshot(place, agents, chats, waits)).orElseThrow();
    }

    static QueueSnapshot snapshot(int place, List<AgentLoad> agents, List<HandledChat> chats, List<PastWait> waits) {
        return new QueueSnapshot(NOW, place, agents, chats, waits);
    }

    /** Chats that ended in the last minutes, one a minute. */
    static List<HandledChat> chats(int count, Duration handleTime) {
        List<HandledChat> chats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            chats.add(new HandledChat(NOW.minusSeconds(60L * i), handleTime));
        }
        return chats;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
