package io.dastyar.handoff.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/** Properties of the estimate over random desks: any agents, any history, any place. */
class WaitEstimatorPropertyTest {

    private static final Gen<AgentLoad> AGENTS = integers().between(0, 4).zip(integers().between(0, 5), AgentLoad::new);

    private static final Gen<HandledChat> CHATS = integers().between(0, 3 * 3600).zip(integers().between(10, 7200),
            (endedAgo, seconds) -> new HandledChat(WaitEstimatorTest.NOW.minusSeconds(endedAgo),
                    Duration.ofSeconds(seconds)));

    private static final Gen<PastWait> WAITS = integers().between(0, 3 * 3600).zip(integers().between(1, 30),
            integers().between(0, 3600), booleans().all(),
            (leftAgo, place, seconds, assigned) -> new PastWait(WaitEstimatorTest.NOW.minusSeconds(leftAgo), place,
                    Duration.ofSeconds(seconds), assigned));

    private static final Gen<QueueSnapshot> SNAPSHOTS = integers().between(1, 200).zip(
            lists().of(AGENTS).ofSizeBetween(0, 100), lists().of(CHATS).ofSizeBetween(0, 40),
            lists().of(WAITS).ofSizeBetween(0, 40), WaitEstimatorTest::snapshot);

    private final WaitEstimator estimator = new WaitEstimator(EtaSettings.DEFAULTS);

    @Test
    void aLaterPlaceNeverGetsAShorterEstimate() {
        qt().withExamples(500).forAll(SNAPSHOTS).checkAssert(snapshot -> {
            Optional<Estimate> here = estimator.estimate(snapshot);
            Optional<Estimate> behind = estimator.estimate(at(snapshot, snapshot.place() + 1));

            assertThat(behind.isPresent()).isEqualTo(here.isPresent());
            here.ifPresent(estimate -> {
                assertThat(behind.get().expected()).isGreaterThanOrEqualTo(estimate.expected());
                assertThat(behind.get().low()).isGreaterThanOrEqualTo(estimate.low());
                assertThat(behind.get().high()).isGreaterThanOrEqualTo(estimate.high());
            });
        });
    }

    @Test
    void moreFreeCapacityNeverLengthensTheWait() {
        qt().withExamples(500).forAll(SNAPSHOTS, integers().between(1, 3), integers().between(0, 99))
                .checkAssert((snapshot, capacity, which) -> {
                    List<AgentLoad> joined = new ArrayList<>(snapshot.agents());
                    joined.add(new AgentLoad(capacity, capacity - 1));
                    assertNoLonger(snapshot, joined);
                    if (!snapshot.agents().isEmpty()) {
                        List<AgentLoad> lighter = new ArrayList<>(snapshot.agents());
                        AgentLoad agent = lighter.get(which % lighter.size());
                        lighter.set(which % lighter.size(),
                                new AgentLoad(agent.capacity(), Math.max(0, agent.load() - 1)));
                        assertNoLonger(snapshot, lighter);
                    }
                });
    }

    @Test
    void thereIsAnEstimateExactlyWhenSomeAgentHasCapacityAndItsRangeHoldsIt() {
        qt().withExamples(500).forAll(SNAPSHOTS).checkAssert(snapshot -> {
            Optional<Estimate> estimate = estimator.estimate(snapshot);
            boolean anyCapacity = snapshot.agents().stream().anyMatch(agent -> agent.capacity() > 0);

            assertThat(estimate.isPresent()).isEqualTo(anyCapacity);
            estimate.ifPresent(eta -> {
                assertThat(eta.low()).isLessThanOrEqualTo(eta.expected());
                assertThat(eta.expected()).isLessThanOrEqualTo(eta.high());
                assertThat(eta.shown().covers(eta.expected())).isTrue();
            });
        });
    }

    private void assertNoLonger(QueueSnapshot before, List<AgentLoad> agents) {
        QueueSnapshot after = new QueueSnapshot(before.at(), before.place(), agents, before.recentChats(),
                before.recentWaits());
        estimator.estimate(before).ifPresent(previous -> {
            Estimate estimate = estimator.estimate(after).orElseThrow();
            assertThat(estimate.expected()).isLessThanOrEqualTo(previous.expected());
            assertThat(estimate.low()).isLessThanOrEqualTo(previous.low());
            assertThat(estimate.high()).isLessThanOrEqualTo(previous.high());
        });
    }

    private static QueueSnapshot at(QueueSnapshot snapshot, int place) {
        return new QueueSnapshot(snapshot.at(), place, snapshot.agents(), snapshot.recentChats(),
                snapshot.recentWaits());
    }
}
