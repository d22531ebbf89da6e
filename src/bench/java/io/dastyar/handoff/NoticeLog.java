package io.dastyar.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.handoff.eta.ShownWait;
import io.dastyar.handoff.replay.Notice;
import io.dastyar.handoff.replay.WaitForecaster.Forecast;

/**
 * What each waiting customer of {@link ServiceDayReplay} was told, by the service and, on the same place and the
 * same waits seen so far, by the two baselines; once they get an agent, each notice is scored against the wait that
 * remained. Forecasts are in {@link EtaServiceReplay}'s order: the range shown, 3 min × place, mean of last 20.
 */
final class NoticeLog {

    private static final Duration FIXED_PER_PLACE = Duration.ofMinutes(3);
    private static final int MOVING_AVERAGE_OF = 20;

    private record Shown(Instant at, int place, boolean onJoining, List<Optional<Forecast>> forecasts) {
    }

    private final Map<ConversationId, List<Shown>> told = new HashMap<>();
    private final List<Duration> observedWaits = new ArrayList<>();
    private final List<Notice> scored = new ArrayList<>();

    void told(ConversationId conversation, QueueOutlook.Outlook outlook, Instant at, boolean onJoining) {
        Optional<Forecast> shown = outlook instanceof QueueOutlook.Waiting waiting
                ? waiting.expected().map(range -> middleOf(new ShownWait(range.fromMinutes(), range.toMinutes())))
                : Optional.empty();
        told.computeIfAbsent(conversation, id -> new ArrayList<>()).add(new Shown(at, outlook.place(), onJoining,
                List.of(shown, Optional.of(new Forecast(FIXED_PER_PLACE.multipliedBy(outlook.place()), null)),
                        Optional.of(new Forecast(movingAverage(), null)))));
    }

    /** When the customer was first told anything: their place in line, as the conversation knows it. */
    Instant firstToldAt(ConversationId conversation) {
        return told.get(conversation).getFirst().at();
    }

    /** The customer got an agent at {@code assignedAt}: every notice they saw is scored. */
    void assigned(ConversationId conversation, String customer, Instant queuedAt, Instant assignedAt) {
        observedWaits.add(Duration.between(queuedAt, assignedAt));
        for (Shown shown : told.remove(conversation)) {
            Duration remaining = Duration.between(shown.at(), assignedAt);
            scored.add(new Notice(customer, shown.at(), shown.place(), shown.onJoining(), shown.forecasts(),
                    remaining.isNegative() ? Duration.ZERO : remaining));
        }
    }

    /** The customer gave up: with no actual wait, what they were told is not scored. */
    void gaveUp(ConversationId conversation) {
        told.remove(conversation);
    }

    List<Notice> scored() {
        return List.copyOf(scored);
    }

    /** The range the customer reads, and as a single figure its middle ("less than a minute": half a minute). */
    private static Forecast middleOf(ShownWait range) {
        return new Forecast(Duration.ofSeconds(30L * (range.fromMinutes() + range.toMinutes())), range);
    }

    /** The mean wait of the last 20 customers who got an agent (3 min before any did), as a Salesforce-style notice. */
    private Duration movingAverage() {
        List<Duration> last = observedWaits.subList(Math.max(0, observedWaits.size() - MOVING_AVERAGE_OF),
                observedWaits.size());
        return last.isEmpty() ? FIXED_PER_PLACE
                : last.stream().reduce(Duration.ZERO, Duration::plus).dividedBy(last.size());
    }
}
