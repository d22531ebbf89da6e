package io.dastyar.agent;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.annotation.PreDestroy;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationMoved;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.MessageEdited;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.CustomerTyping;
import io.dastyar.conversation.channel.CustomerUnreachable;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffEvents;
import io.dastyar.handoff.HeldChat;
import io.dastyar.handoff.WaitingChat;

/**
 * The live side of the agent workspace: one Server-Sent Events stream per open console tab, keyed by the signed-in
 * agent, fed from hand-off's and the conversation feature's events (see {@code docs/agent-api.md}, "Live events").
 *
 * <p>Streams are dropped when they complete, time out or fail; an agent may have a few tabs open and the whole
 * server a bounded number of streams, the oldest giving way. Events go out on one sender thread, in the order they
 * happened, so a slow browser never holds up the transaction that published the event. A comment line every 15
 * seconds keeps proxies from closing idle streams and finds dead ones.
 *
 * <p>The agent API ({@code io.dastyar.agent.api}) calls {@link #lineAdded} after {@link Conversations#sendFromAgent}
 * and {@link #noteAdded} after storing a note, as those post no {@link ConversationMoved}.
 */
@Component
public class AgentEvents {

    static final int MAX_STREAMS_PER_AGENT = 8;
    static final int MAX_STREAMS = 2_000;
    static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);
    private static final int MAX_PENDING_SENDS = 10_000;

    private static final Logger log = LoggerFactory.getLogger(AgentEvents.class);

    private final ObjectProvider<Handoff> handoff;
    private final Conversations conversations;
    private final Accounts accounts;
    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    /** Signed-in supervisors and admins: their consoles also get every chat ({@code all}). */
    private final Set<String> supervisors = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final ExecutorService sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(MAX_PENDING_SENDS), Thread.ofPlatform().name("agent-events").daemon().factory(),
            (task, executor) -> log.warn("Agent event dropped: {} sends are waiting", MAX_PENDING_SENDS));

    AgentEvents(ObjectProvider<Handoff> handoff, Conversations conversations, Accounts accounts) {
        this.handoff = handoff;
        this.conversations = conversations;
        this.accounts = accounts;
    }

    /**
     * A new stream for this agent, which first gets the queue and their chats as they are now; a supervisor's also
     * gets every chat, and again whenever any chat changes hands.
     */
    SseEmitter open(String agent, boolean supervises) {
        if (supervises) {
            supervisors.add(agent);
        }
        var emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        List<SseEmitter> own = streams.computeIfAbsent(agent, name -> new CopyOnWriteArrayList<>());
        own.add(emitter);
        open.incrementAndGet();
        emitter.onCompletion(() -> forget(agent, emitter));
        emitter.onTimeout(() -> forget(agent, emitter));
        emitter.onError(error -> forget(agent, emitter));
        while (own.size() > MAX_STREAMS_PER_AGENT) {
            close(agent, own.getFirst());
        }
        if (open.get() > MAX_STREAMS) {
            streams.entrySet().stream().filter(entry -> !entry.getValue().isEmpty()).findAny()
                    .ifPresent(entry -> close(entry.getKey(), entry.getValue().getFirst()));
        }
        submit(() -> {
            send(agent, emitter, SseEmitter.event().reconnectTime(3_000).comment("hello"));
            send(agent, emitter, SseEmitter.event().name("queue").data(queue()));
            send(agent, emitter, SseEmitter.event().name("chats").data(chatsOf(agent)));
            if (supervises) {
                send(agent, emitter, SseEmitter.event().name("all").data(allChats()));
            }
        });
        return emitter;
    }

    /** The agents with a console open now. */
    Set<String> connected() {
        return Set.copyOf(streams.keySet());
    }

    /** A new transcript line in a held chat that no {@link ConversationMoved} announces: an agent's message. */
    public void lineAdded(ConversationId conversation, long line) {
        toHoldersOf(conversation, "message", new MessageEvent(conversation.toString(), line, null));
    }

    /** A new internal note in a held chat; notes are numbered apart from transcript lines. */
    public void noteAdded(ConversationId conversation, long note) {
        toHoldersOf(conversation, "message", new MessageEvent(conversation.toString(), null, note));
    }

    @EventListener
    void on(HandoffEvents.QueueChanged changed) {
        if (streams.isEmpty()) {
            return;
        }
        submit(() -> {
            List<QueueItem> queue = queue();
            streams.forEach((agent, own) -> own.forEach(emitter ->
                    send(agent, emitter, SseEmitter.event().name("queue").data(queue))));
        });
        allChanged();
    }

    @EventListener
    void on(HandoffEvents.ChatAssigned assigned) {
        chatsChanged(assigned.agent());
        allChanged();
    }

    @EventListener
    void on(HandoffEvents.ChatReleased released) {
        chatsChanged(released.agent());
        allChanged();
    }

    /** Every supervisor's console gets every chat again; a burst of changes is sent as it comes. */
    private void allChanged() {
        if (supervisors.stream().noneMatch(streams::containsKey)) {
            return;
        }
        submit(() -> {
            List<SupervisedChat> all = allChats();
            supervisors.forEach(supervisor -> streams.getOrDefault(supervisor, List.of()).forEach(emitter ->
                    send(supervisor, emitter, SseEmitter.event().name("all").data(all))));
        });
    }

    private List<SupervisedChat> allChats() {
        Handoff routing = handoff.getIfAvailable();
        return routing == null ? List.of() : routing.allChats().stream()
                .map(chat -> SupervisedChat.of(chat, accounts::displayNameOf)).toList();
    }

    /** A customer's message in a chat an agent holds; acted on once it is committed, so the agent can read it. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationMoved moved) {
        if (moved.event() != ConversationEvent.MESSAGE || moved.to() != ConversationState.WITH_AGENT
                || streams.isEmpty()) {
            return;
        }
        submit(() -> {
            List<TranscriptEntry> transcript = conversations.transcript(moved.conversation());
            long line = transcript.reversed().stream()
                    .filter(entry -> entry.direction() == TranscriptEntry.Direction.IN)
                    .mapToLong(TranscriptEntry::id).findFirst()
                    .orElse(transcript.isEmpty() ? 0 : transcript.getLast().id());
            sendToHolders(moved.conversation(), "message", new MessageEvent(moved.conversation().toString(), line, null));
        });
    }

    /** A customer edited a line of a held chat: the console shows the new text, marked as edited. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessageEdited edited) {
        toHoldersOf(edited.conversation(), "edited",
                new MessageEvent(edited.conversation().toString(), edited.line(), null));
    }

    @EventListener
    void on(CustomerTyping typing) {
        if (streams.isEmpty()) {
            return;
        }
        submit(() -> conversations.latest(typing.customer())
                .filter(conversation -> conversation.state() == ConversationState.WITH_AGENT)
                .ifPresent(conversation -> sendToHolders(conversation.id(), "typing",
                        new TypingEvent(conversation.id().toString()))));
    }

    /** The customer of a held chat cannot be reached any more (blocked the bot): the agent's replies will not arrive. */
    @EventListener
    void on(CustomerUnreachable unreachable) {
        if (streams.isEmpty()) {
            return;
        }
        submit(() -> conversations.latest(unreachable.customer()).ifPresent(conversation -> sendToHolders(
                conversation.id(), "unreachable", new UnreachableEvent(conversation.id().toString(), unreachable.since().toString()))));
    }

    /** Keeps idle streams open through proxies, and finds the ones whose browser has gone. */
    @Scheduled(fixedRate = 15, initialDelay = 15, timeUnit = TimeUnit.SECONDS)
    void heartbeat() {
        if (streams.isEmpty()) {
            return;
        }
        submit(() -> streams.forEach((agent, own) -> own.forEach(emitter ->
                send(agent, emitter, SseEmitter.event().comment("heartbeat")))));
    }

    @PreDestroy
    void closeAll() {
        streams.forEach((agent, own) -> own.forEach(emitter -> close(agent, emitter)));
        sender.shutdown();
    }

    int openStreams() {
        return open.get();
    }

    private void chatsChanged(String agent) {
        if (!streams.containsKey(agent)) {
            return;
        }
        submit(() -> {
            List<ChatItem> chats = chatsOf(agent);
            streams.getOrDefault(agent, List.of()).forEach(emitter ->
                    send(agent, emitter, SseEmitter.event().name("chats").data(chats)));
        });
    }

    private void toHoldersOf(ConversationId conversation, String name, Object data) {
        if (!streams.isEmpty()) {
            submit(() -> sendToHolders(conversation, name, data));
        }
    }

    private void sendToHolders(ConversationId conversation, String name, Object data) {
        Handoff routing = handoff.getIfAvailable();
        if (routing == null) {
            return;
        }
        streams.forEach((agent, own) -> {
            if (!own.isEmpty() && routing.holds(agent, conversation)) {
                own.forEach(emitter -> send(agent, emitter, SseEmitter.event().name(name).data(data)));
            }
        });
    }

    private void submit(Runnable task) {
        try {
            sender.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.warn("Could not send an agent event", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("Agent events are shut down", e);
        }
    }

    private void send(String agent, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            // The browser went away (or the stream already completed): the next reconnect opens a new one.
            forget(agent, emitter);
            emitter.completeWithError(e);
        }
    }

    private void close(String agent, SseEmitter emitter) {
        forget(agent, emitter);
        emitter.complete();
    }

    private void forget(String agent, SseEmitter emitter) {
        List<SseEmitter> own = streams.get(agent);
        if (own != null && own.remove(emitter)) {
            open.decrementAndGet();
            streams.computeIfPresent(agent, (name, list) -> list.isEmpty() ? null : list);
        }
    }

    private List<QueueItem> queue() {
        Handoff routing = handoff.getIfAvailable();
        return routing == null ? List.of() : routing.queue().stream().map(QueueItem::of).toList();
    }

    private List<ChatItem> chatsOf(String agent) {
        Handoff routing = handoff.getIfAvailable();
        return routing == null ? List.of() : routing.chatsOf(agent).stream().map(ChatItem::of).toList();
    }

    /** One waiting chat, as {@code GET /api/agent/queue} gives it. */
    record QueueItem(String conversation, String channel, String language, String waitingSince, int place,
                     Map<String, String> target) {

        static QueueItem of(WaitingChat chat) {
            Map<String, String> target = chat.target().map(t -> switch (t) {
                case io.dastyar.handoff.TransferTarget.Agent a -> Map.of("agent", a.username());
                case io.dastyar.handoff.TransferTarget.Team team -> Map.of("team", team.name());
            }).orElse(null);
            return new QueueItem(chat.conversation().toString(), chat.channel(), chat.language().tag(),
                    chat.waitingSince().toString(), chat.place(), target);
        }
    }

    /** One of the agent's chats, as {@code GET /api/agent/conversations} gives it. */
    record ChatItem(String conversation, String channel, String language, String queuedAt, String assignedAt) {

        static ChatItem of(HeldChat chat) {
            return new ChatItem(chat.conversation().toString(), chat.channel(), chat.language().tag(),
                    chat.queuedAt().toString(), chat.assignedAt().toString());
        }
    }

    /** A new line ({@code line}, a transcript line) or note ({@code note}, a note's id) in a chat; one of the two. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MessageEvent(String conversation, @Nullable Long line, @Nullable Long note) {
    }

    record TypingEvent(String conversation) {
    }

    record UnreachableEvent(String conversation, String since) {
    }
}
