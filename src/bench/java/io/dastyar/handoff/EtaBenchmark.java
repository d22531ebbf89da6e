package io.dastyar.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.dastyar.handoff.eta.AgentLoad;
import io.dastyar.handoff.eta.Estimate;
import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.handoff.eta.HandledChat;
import io.dastyar.handoff.eta.PastWait;
import io.dastyar.handoff.eta.QueueSnapshot;
import io.dastyar.handoff.eta.WaitEstimator;

/**
 * The cost of one estimate on a large desk with a full window of history: 100 agents, all slots busy, and 500
 * chats and 500 waits that ended in the last two hours (a tenth of them gave up). Each queue notice costs one.
 * Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark=EtaBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class EtaBenchmark {

    private static final Instant NOW = Instant.parse("2025-03-03T12:00:00Z");

    private final WaitEstimator estimator = new WaitEstimator(EtaSettings.DEFAULTS);
    private final QueueSnapshot twelfthInLine = snapshot(12);
    private final QueueSnapshot twoHundredthInLine = snapshot(200);

    @Benchmark
    public Optional<Estimate> twelfthInLine() {
        return estimator.estimate(twelfthInLine);
    }

    @Benchmark
    public Optional<Estimate> twoHundredthInLine() {
        return estimator.estimate(twoHundredthInLine);
    }

    private static QueueSnapshot snapshot(int place) {
        Random random = new Random(42);
        List<AgentLoad> agents = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int capacity = 2 + random.nextInt(2);
            agents.add(new AgentLoad(capacity, capacity));
        }
        List<HandledChat> chats = new ArrayList<>();
        List<PastWait> waits = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Instant ended = NOW.minusSeconds(random.nextInt(7200));
            long handleSeconds = Math.round(300 * Math.exp(0.8 * random.nextGaussian()));
            chats.add(new HandledChat(ended, Duration.ofSeconds(handleSeconds)));
            waits.add(new PastWait(ended, 1 + random.nextInt(20), Duration.ofSeconds(random.nextInt(900)),
                    random.nextInt(10) > 0));
        }
        return new QueueSnapshot(NOW, place, agents, chats, waits);
    }
}
