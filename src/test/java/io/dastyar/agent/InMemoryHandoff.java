package io.dastyar.agent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;

import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.AgentStatus;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffEvents;
import io.dastyar.handoff.HeldChat;
import io.dastyar.handoff.Presence;
import io.dastyar.handoff.TransferTarget;
import io.dastyar.handoff.WaitingChat;
import io.dastyar.system.Language;

/**
 * TEST DOUBLE of {@link Handoff}, until the real one lands: a queue and agents' chats in memory, no routing, no
 * capacity beyond a fixed one. Tests put chats in the queue with {@link #enqueue}; claims, transfers and resolves act
 * on the conversation through {@link Conversations} and publish {@link HandoffEvents} as the real one does.
 */
public class InMemoryHandoff implements Handoff {

    static final int CAPACITY = 5;
    static final List<String> TEAMS = List.of("Billing", "Technical");

    private record Waiting(ConversationId conversation, String channel, Language language, java.time.Instant since,
                           Optional<TransferTarget> target) {
    }

    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final List<Waiting> queue = new ArrayList<>();
    private final Map<String, Map<ConversationId, HeldChat>> held = new ConcurrentHashMap<>();
    private final Map<String, Presence> presence = new ConcurrentHashMap<>();

    InMemoryHandoff(Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    /** Puts a conversation in the queue, as routing would when the customer asks for a person; publishes nothing. */
    public synchronized void enqueue(ConversationId conversation, String channel, Language language) {
        queue.add(new Waiting(conversation, channel, language, clock.instant(), Optional.empty()));
    }

    /** Gives a chat to an agent directly, as routing would. */
    public void assign(ConversationId conversation, String agent, String agentName, String channel, Language language) {
        synchronized (this) {
            held.computeIfAbsent(agent, a -> new LinkedHashMap<>()).put(conversation,
                    new HeldChat(conversation, channel, language, clock.instant(), clock.instant()));
        }
        conversations.assign(conversation, agentName);
        events.publishEvent(new HandoffEvents.ChatAssigned(conversation, agent, clock.instant()));
    }

    public synchronized void clear() {
        queue.clear();
        held.clear();
    }

    @Override
    public synchronized List<WaitingChat> queue() {
        List<WaitingChat> chats = new ArrayList<>();
        for (int i = 0; i < queue.size(); i++) {
            Waiting w = queue.get(i);
            chats.add(new WaitingChat(w.conversation(), w.channel(), w.language(), w.since(), i + 1, w.target()));
        }
        return chats;
    }

    @Override
    public synchronized List<HeldChat> chatsOf(String agent) {
        return List.copyOf(held.getOrDefault(agent, Map.of()).values());
    }

    @Override
    public synchronized boolean holds(String agent, ConversationId conversation) {
        return held.getOrDefault(agent, Map.of()).containsKey(conversation);
    }

    @Override
    public Outcome claim(String agent, ConversationId conversation) {
        Waiting taken;
        synchronized (this) {
            if (held.values().stream().anyMatch(chats -> chats.containsKey(conversation))) {
                return Outcome.TAKEN_BY_ANOTHER;
            }
            taken = queue.stream().filter(w -> w.conversation().equals(conversation)).findFirst().orElse(null);
            if (taken == null) {
                return Outcome.UNKNOWN_CONVERSATION;
            }
            if (chatsOf(agent).size() >= CAPACITY) {
                return Outcome.AGENT_FULL;
            }
            queue.remove(taken);
            held.computeIfAbsent(agent, a -> new LinkedHashMap<>()).put(conversation,
                    new HeldChat(conversation, taken.channel(), taken.language(), taken.since(), clock.instant()));
        }
        conversations.assign(conversation, agent);
        events.publishEvent(new HandoffEvents.ChatAssigned(conversation, agent, clock.instant()));
        events.publishEvent(new HandoffEvents.QueueChanged(clock.instant()));
        return Outcome.DONE;
    }

    @Override
    public Outcome transfer(String agent, ConversationId conversation, TransferTarget target) {
        synchronized (this) {
            if (!holds(agent, conversation)) {
                return Outcome.NOT_YOURS;
            }
            if (target instanceof TransferTarget.Team team && !TEAMS.contains(team.name())) {
                return Outcome.UNKNOWN_TEAM;
            }
            HeldChat chat = held.get(agent).remove(conversation);
            queue.addFirst(new Waiting(conversation, chat.channel(), chat.language(), chat.queuedAt(), Optional.of(target)));
        }
        conversations.fire(conversation, ConversationEvent.TRANSFERRED);
        events.publishEvent(new HandoffEvents.ChatReleased(conversation, agent,
                HandoffEvents.ChatReleased.Why.TRANSFERRED, clock.instant()));
        events.publishEvent(new HandoffEvents.QueueChanged(clock.instant()));
        return Outcome.DONE;
    }

    @Override
    public Outcome resolve(String agent, ConversationId conversation) {
        synchronized (this) {
            if (!holds(agent, conversation)) {
                return Outcome.NOT_YOURS;
            }
            held.get(agent).remove(conversation);
        }
        conversations.fire(conversation, ConversationEvent.RESOLVED);
        events.publishEvent(new HandoffEvents.ChatReleased(conversation, agent,
                HandoffEvents.ChatReleased.Why.RESOLVED, clock.instant()));
        return Outcome.DONE;
    }

    @Override
    public void presence(String agent, Presence presence) {
        this.presence.put(agent, presence);
    }

    @Override
    public synchronized Optional<AgentStatus> status(String agent) {
        return Optional.ofNullable(presence.get(agent)).map(p -> new AgentStatus(agent, p, CAPACITY,
                chatsOf(agent).size(), Set.of(Language.EN), Set.of()));
    }

    @Override
    public List<String> teams() {
        return TEAMS;
    }
}
