package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;

import io.dastyar.handoff.eta.AgentLoad;
import io.dastyar.handoff.eta.HandledChat;
import io.dastyar.handoff.eta.PastWait;
import io.dastyar.handoff.eta.QueueSnapshot;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOffline;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOnline;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerGivesUp;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerQueued;

/**
 * Plays a day's script through a simulated desk: one queue, first come first served, the oldest waiting customer
 * to the least-loaded agent with a free slot. Customers see a notice on joining, whenever they move up, and
 * otherwise every minute; each forecaster's words are recorded with it, and scored against the actual wait once
 * the customer gets an agent. Deterministic: the script is the only source of chance.
 */
public final class QueueReplay {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private record Timed(Instant at, long order, Object event) {
    }

    private record Resolve(String agent, Duration handleTime) {
    }

    private record Refresh(String customer, long token) {
    }

    private record Shown(Instant at, int place, boolean onJoining, List<Optional<WaitForecaster.Forecast>> forecasts) {
    }

    private static final class Agent {
        int capacity;
        int load;
        boolean online;
    }

    private static final class Waiting {
        final CustomerQueued queued;
        final int placeOnJoining;
        final List<Shown> notices = new ArrayList<>();
        int lastPlace;
        long refreshToken;

        Waiting(CustomerQueued queued, int placeOnJoining) {
            this.queued = queued;
            this.placeOnJoining = placeOnJoining;
        }
    }

    private final List<WaitForecaster> forecasters;
    private final PriorityQueue<Timed> pending = new PriorityQueue<>(
            Comparator.comparing(Timed::at).thenComparingLong(Timed::order));
    private final Map<String, Agent> agents = new TreeMap<>();
    private final List<Waiting> queue = new ArrayList<>();
    private final Map<String, Waiting> waitingByName = new HashMap<>();
    private final DeskHistory history = new DeskHistory();
    private final List<Notice> scored = new ArrayList<>();
    private final Instant closesAt;
    private long order;
    private int abandoned;

    private QueueReplay(List<WaitForecaster> forecasters, Instant closesAt) {
        this.forecasters = forecasters;
        this.closesAt = closesAt;
    }

    /** Replays the day; the result holds a notice for every one shown to a customer who later got an agent. */
    public static ReplayResult run(DayScript script, List<WaitForecaster> forecasters) {
        QueueReplay replay = new QueueReplay(List.copyOf(forecasters), script.events().getLast().at());
        script.events().forEach(event -> replay.schedule(event.at(), event));
        while (!replay.pending.isEmpty()) {
            Timed next = replay.pending.poll();
            replay.handle(next.at(), next.event());
            replay.assign(next.at());
            replay.tellThoseWhoMovedUp(next.at());
        }
        return new ReplayResult(script, replay.scored, (int) script.customers(),
                replay.history.assigned(), replay.abandoned, replay.queue.size());
    }

    private void handle(Instant now, Object event) {
        switch (event) {
            case CustomerQueued queued -> {
                Waiting waiting = new Waiting(queued, queue.size() + 1);
                queue.add(waiting);
                waitingByName.put(queued.customer(), waiting);
                tell(waiting, now, true);
            }
            case CustomerGivesUp givesUp -> {
                Waiting waiting = waitingByName.remove(givesUp.customer());
                if (waiting != null) {
                    history.left(new PastWait(now, waiting.placeOnJoining, Duration.between(waiting.queued.at(), now),
                            false));
                    queue.remove(waiting);
                    abandoned++;
                }
            }
            case AgentOnline online -> {
                Agent agent = agents.computeIfAbsent(online.agent(), name -> new Agent());
                agent.capacity = online.capacity();
                agent.online = true;
            }
            case AgentOffline offline -> agents.get(offline.agent()).online = false;
            case Resolve resolve -> {
                agents.get(resolve.agent()).load--;
                history.ended(new HandledChat(now, resolve.handleTime()));
            }
            case Refresh refresh -> {
                Waiting waiting = waitingByName.get(refresh.customer());
                if (waiting != null && waiting.refreshToken == refresh.token()) {
                    tell(waiting, now, false);
                }
            }
            default -> throw new IllegalStateException("unknown event " + event);
        }
    }

    private void assign(Instant now) {
        while (!queue.isEmpty()) {
            Optional<Map.Entry<String, Agent>> leastLoaded = agents.entrySet().stream()
                    .filter(entry -> entry.getValue().online && entry.getValue().load < entry.getValue().capacity)
                    .min(Comparator.comparingInt(entry -> entry.getValue().load));
            if (leastLoaded.isEmpty()) {
                return;
            }
            Waiting first = queue.removeFirst();
            waitingByName.remove(first.queued.customer());
            leastLoaded.get().getValue().load++;
            schedule(now.plus(first.queued.handleTime()),
                    new Resolve(leastLoaded.get().getKey(), first.queued.handleTime()));
            history.left(new PastWait(now, first.placeOnJoining, Duration.between(first.queued.at(), now), true));
            for (Shown shown : first.notices) {
                scored.add(new Notice(first.queued.customer(), shown.at(), shown.place(), shown.onJoining(),
                        shown.forecasts(), Duration.between(shown.at(), now)));
            }
        }
    }

    private void tellThoseWhoMovedUp(Instant now) {
        for (int index = 0; index < queue.size(); index++) {
            if (queue.get(index).lastPlace != index + 1) {
                tell(queue.get(index), now, false);
            }
        }
    }

    private void tell(Waiting waiting, Instant now, boolean onJoining) {
        int place = queue.indexOf(waiting) + 1;
        List<AgentLoad> online = agents.values().stream().filter(agent -> agent.online)
                .map(agent -> new AgentLoad(agent.capacity, agent.load)).toList();
        QueueSnapshot snapshot = new QueueSnapshot(now, place, online, history.recentChats(now),
                history.recentWaits(now));
        List<Optional<WaitForecaster.Forecast>> forecasts = forecasters.stream()
                .map(forecaster -> forecaster.forecast(snapshot)).toList();
        waiting.notices.add(new Shown(now, place, onJoining, forecasts));
        waiting.lastPlace = place;
        waiting.refreshToken = order;
        // Nobody is told anything after the last scripted event, or one stranded at closing would be told forever.
        if (!now.plus(REFRESH).isAfter(closesAt)) {
            schedule(now.plus(REFRESH), new Refresh(waiting.queued.customer(), order));
        }
    }

    private void schedule(Instant at, Object event) {
        pending.add(new Timed(at, order++, event));
    }
}
