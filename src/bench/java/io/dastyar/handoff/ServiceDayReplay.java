package io.dastyar.handoff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.handoff.replay.DayScript;
import io.dastyar.handoff.replay.ReplayResult;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOffline;
import io.dastyar.handoff.replay.ScriptedEvent.AgentOnline;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerGivesUp;
import io.dastyar.handoff.replay.ScriptedEvent.CustomerQueued;
import io.dastyar.support.MutableClock;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/**
 * Plays a day's script through the running application on the test clock: customers ask for a person in words
 * through {@link Conversations#receive} and give up with {@code /end}; agents come online and go on breaks through
 * {@link Handoff#presence}, reply through {@link Conversations#sendFromAgent} and resolve through
 * {@link Handoff#resolve}; the real {@link Router} assigns. The clock is moved to each scripted moment, and after
 * each one the router's pass is awaited, so what happens at a moment is settled before the next.
 *
 * <p>What each waiting customer is told comes from the application's {@link QueueOutlook}, the source of the
 * queue-status notice, asked as the notice asks it: on joining (before the customer's message, as a conversation
 * not yet queued), whenever their place changes, and otherwise every minute. The actual wait is the application's
 * own: from the notice to the assignment hand-off recorded. The two baselines see the same place and the same
 * observed waits.
 */
final class ServiceDayReplay {

    static final Duration REFRESH = Duration.ofMinutes(1);

    private record Timed(Instant at, long order, Object action) {
    }

    private record Reply(String agent, ConversationId conversation) {
    }

    private record Resolve(String agent, ConversationId conversation) {
    }

    private record Refresh(ConversationId conversation, long token) {
    }

    private static final class Waiting {
        final CustomerQueued queued;
        int lastPlace;
        long token;

        Waiting(CustomerQueued queued) {
            this.queued = queued;
        }
    }

    private final Conversations conversations;
    private final Handoff handoff;
    private final HandoffService agentsAdmin;
    private final Router router;
    private final QueueOutlook outlook;
    private final MutableClock clock;

    private final PriorityQueue<Timed> pending = new PriorityQueue<>(
            Comparator.comparing(Timed::at).thenComparingLong(Timed::order));
    private final Map<ConversationId, Waiting> waiting = new LinkedHashMap<>();
    private final Map<String, ConversationId> byCustomer = new HashMap<>();
    private final List<String> agents = new ArrayList<>();
    private final NoticeLog notices = new NoticeLog();
    private Instant closesAt = Instant.MIN;
    private long order;
    private int abandoned;
    private int assigned;

    ServiceDayReplay(Conversations conversations, Handoff handoff, HandoffService agentsAdmin, Router router,
                     QueueOutlook outlook, MutableClock clock) {
        this.conversations = conversations;
        this.handoff = handoff;
        this.agentsAdmin = agentsAdmin;
        this.router = router;
        this.outlook = outlook;
        this.clock = clock;
    }

    /**
     * Replays the day {@code shift} later than scripted (days replayed one after another must not share a clock
     * time); then resolves whoever is still waiting, so the next day starts with an empty queue.
     */
    ReplayResult run(DayScript script, Duration shift) {
        closesAt = script.events().getLast().at().plus(shift);
        script.events().forEach(event -> schedule(event.at().plus(shift), event));
        while (!pending.isEmpty()) {
            Timed next = pending.poll();
            moveClockTo(next.at());
            handle(next.action());
            router.route();
            collectAssignments();
            tellThoseWhosePlaceChanged();
        }
        int leftWaiting = waiting.size();
        waiting.keySet().forEach(id -> conversations.fire(id, ConversationEvent.RESOLVED));
        agents.forEach(agent -> handoff.presence(agent, Presence.OFFLINE));
        return new ReplayResult(script, notices.scored(), (int) script.customers(), assigned, abandoned, leftWaiting);
    }

    private void handle(Object action) {
        switch (action) {
            case CustomerQueued queued -> join(queued);
            case CustomerGivesUp givesUp -> {
                ConversationId id = byCustomer.get(givesUp.customer());
                if (id != null && waiting.remove(id) != null) {
                    notices.gaveUp(id);
                    say(givesUp.customer(), "/end");
                    abandoned++;
                }
            }
            case AgentOnline online -> {
                if (!agents.contains(online.agent())) {
                    agents.add(online.agent());
                    handoff.presence(online.agent(), Presence.AWAY);
                }
                agentsAdmin.configure(online.agent(), online.capacity(), Set.of(Language.values()), Set.of());
                handoff.presence(online.agent(), Presence.ONLINE);
            }
            case AgentOffline offline -> handoff.presence(offline.agent(), Presence.AWAY);
            case Reply reply -> {
                conversations.sendFromAgent(reply.conversation(), reply.agent(), "Hello, I am looking into it.");
                handoff.replied(reply.agent(), reply.conversation());
            }
            case Resolve resolve -> require(handoff.resolve(resolve.agent(), resolve.conversation()), resolve);
            case Refresh refresh -> {
                Waiting customer = waiting.get(refresh.conversation());
                if (customer != null && customer.token == refresh.token()) {
                    QueueOutlook.Board board = outlook.board(clock.instant());
                    tell(refresh.conversation(), customer, board, false);
                }
            }
            default -> throw new IllegalStateException("unknown action " + action);
        }
    }

    private void join(CustomerQueued queued) {
        // What the notice on joining says: asked before the message, when the conversation is not queued yet.
        Instant now = clock.instant();
        QueueOutlook.Outlook told = outlook.outlook(new ConversationId(UUID.randomUUID()), Language.EN, now, now);
        ConversationId id = say(queued.customer(), "I want to talk to a person").conversation().orElseThrow();
        // Routing runs after the message's commit, on its own thread: the customer may have an agent already.
        ConversationState state = conversations.find(id).orElseThrow().state();
        if (state != ConversationState.QUEUED && state != ConversationState.WITH_AGENT) {
            throw new IllegalStateException(queued.customer() + " did not get to the queue: " + state);
        }
        byCustomer.put(queued.customer(), id);
        Waiting customer = new Waiting(queued);
        waiting.put(id, customer);
        record(id, customer, told, now, true);
    }

    private Receipt say(String customer, String text) {
        return conversations.receive(new Inbound(new ChannelAddress(RecordingChannel.NAME, customer),
                UUID.randomUUID().toString(), new Inbound.Text(text), Optional.of(Language.EN)));
    }

    /** Customers no longer waiting got an agent: score what they were told, and script their agent's work. */
    private void collectAssignments() {
        if (waiting.isEmpty()) {
            return;
        }
        Set<ConversationId> stillWaiting = new HashSet<>();
        handoff.queue().forEach(chat -> stillWaiting.add(chat.conversation()));
        Map<ConversationId, HeldChat> held = new HashMap<>();
        Map<ConversationId, String> holder = new HashMap<>();
        for (String agent : agents) {
            for (HeldChat chat : handoff.chatsOf(agent)) {
                held.put(chat.conversation(), chat);
                holder.put(chat.conversation(), agent);
            }
        }
        for (var it = waiting.entrySet().iterator(); it.hasNext(); ) {
            var entry = it.next();
            HeldChat chat = held.get(entry.getKey());
            if (stillWaiting.contains(entry.getKey()) || chat == null) {
                continue; // a chat claimed but not yet assigned is collected after the next moment
            }
            it.remove();
            assigned++;
            Waiting customer = entry.getValue();
            Instant at = chat.assignedAt();
            notices.assigned(entry.getKey(), customer.queued.customer(), chat.queuedAt(), at);
            Duration handle = customer.queued.handleTime();
            String agent = holder.get(entry.getKey());
            schedule(at.plus(min(Duration.ofSeconds(30), handle.dividedBy(3))), new Reply(agent, entry.getKey()));
            schedule(at.plus(handle), new Resolve(agent, entry.getKey()));
        }
    }

    private void tellThoseWhosePlaceChanged() {
        if (waiting.isEmpty()) {
            return;
        }
        QueueOutlook.Board board = outlook.board(clock.instant());
        waiting.forEach((id, customer) -> {
            QueueOutlook.Outlook told = board.outlook(id, Language.EN, notices.firstToldAt(id));
            if (told.place() != customer.lastPlace) {
                record(id, customer, told, clock.instant(), false);
            }
        });
    }

    private void tell(ConversationId id, Waiting customer, QueueOutlook.Board board, boolean onJoining) {
        record(id, customer, board.outlook(id, Language.EN, notices.firstToldAt(id)), clock.instant(), onJoining);
    }

    private void record(ConversationId id, Waiting customer, QueueOutlook.Outlook told, Instant now,
                        boolean onJoining) {
        notices.told(id, told, now, onJoining);
        customer.lastPlace = told.place();
        customer.token = order;
        if (!now.plus(REFRESH).isAfter(closesAt)) {
            schedule(now.plus(REFRESH), new Refresh(id, order));
        }
    }

    private void moveClockTo(Instant at) {
        Duration ahead = Duration.between(clock.instant(), at);
        if (ahead.isPositive()) {
            clock.advance(ahead);
        }
    }

    private void schedule(Instant at, Object action) {
        pending.add(new Timed(at, order++, action));
    }

    private static void require(Handoff.Outcome outcome, Object action) {
        if (outcome != Handoff.Outcome.DONE) {
            throw new IllegalStateException(action + ": " + outcome);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
