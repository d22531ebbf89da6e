package io.dastyar.conversation;

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

/**
 * Transitions per second on one thread, storage excluded: each operation builds a machine for the stored
 * state and fires one event, exactly as a conversation step does. Run with {@code ./mvnw -Pbenchmark verify}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class TransitionBenchmark {

    private final SpringStatemachineEngine engine = new SpringStatemachineEngine();
    private final Facts confident = new Facts(true, false, false, false);

    @Benchmark
    public Decision answerAQuestion() {
        return engine.decide(ConversationState.BOT, ConversationEvent.MESSAGE, confident);
    }

    @Benchmark
    public Decision rateAConversation() {
        return engine.decide(ConversationState.AWAITING_RATING, ConversationEvent.RATING_GIVEN, Facts.NONE);
    }

    @Benchmark
    public Decision denyAStaleButton() {
        return engine.decide(ConversationState.WITH_AGENT, ConversationEvent.HELPED, Facts.NONE);
    }
}
