package io.dastyar.agent;

import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.Presence;
import io.dastyar.handoff.TransferTarget;

/**
 * TEST DOUBLE of the agent REST API of {@code docs/agent-api.md} (the real one, {@code io.dastyar.agent.api}, is
 * being written elsewhere and replaces this): just enough of the documented contract, on top of {@link Handoff}
 * and {@link Conversations}, for the workspace page to be driven in a browser. Notes live in memory here.
 *
 * <p>A transcript message, as the page reads it: {@code {"line", "author", "text", "at", "agentName", "note"}}
 * with {@code author} one of CUSTOMER, BOT, AGENT, SYSTEM and {@code note} true for an internal note.
 */
@TestComponent
@RestController
class AgentApiTestDouble {

    record Message(long line, String author, String text, String at, @Nullable String agentName, boolean note) {
    }

    record Chat(String conversation, String state, String language, String channel, List<Message> messages) {
    }

    record Text(@Nullable String text) {
    }

    record Transfer(@Nullable String agent, @Nullable String team) {
    }

    record PresenceChange(@Nullable String presence) {
    }

    private record Note(long line, String agent, String text, Instant at) {
    }

    private final Handoff handoff;
    private final Conversations conversations;
    private final AgentEvents events;
    private final Accounts accounts;
    private final Clock clock;
    private final Map<ConversationId, List<Note>> notes = new ConcurrentHashMap<>();
    private final AtomicLong noteLines = new AtomicLong(1_000_000_000L);

    AgentApiTestDouble(Handoff handoff, Conversations conversations, AgentEvents events, Accounts accounts, Clock clock) {
        this.handoff = handoff;
        this.conversations = conversations;
        this.events = events;
        this.accounts = accounts;
        this.clock = clock;
    }

    @GetMapping("/api/agent/queue")
    List<AgentEvents.QueueItem> queue() {
        return handoff.queue().stream().map(AgentEvents.QueueItem::of).toList();
    }

    @GetMapping("/api/agent/conversations")
    List<AgentEvents.ChatItem> chats(Principal principal) {
        return handoff.chatsOf(principal.getName()).stream().map(AgentEvents.ChatItem::of).toList();
    }

    @GetMapping("/api/agent/conversations/{id}")
    ResponseEntity<?> chat(@PathVariable String id, Principal principal) {
        ConversationId conversation = ConversationId.parse(id);
        if (!handoff.holds(principal.getName(), conversation)) {
            return problem(HttpStatus.FORBIDDEN, "not-yours");
        }
        return ResponseEntity.ok(view(conversation));
    }

    @PostMapping("/api/agent/conversations/{id}/claim")
    ResponseEntity<?> claim(@PathVariable String id, Principal principal) {
        ConversationId conversation = ConversationId.parse(id);
        return switch (handoff.claim(principal.getName(), conversation)) {
            case DONE -> ResponseEntity.ok(view(conversation));
            case TAKEN_BY_ANOTHER -> problem(HttpStatus.CONFLICT, "taken-by-another");
            case AGENT_FULL -> problem(HttpStatus.CONFLICT, "agent-full");
            default -> problem(HttpStatus.CONFLICT, "not-waiting");
        };
    }

    @PostMapping("/api/agent/conversations/{id}/messages")
    ResponseEntity<?> send(@PathVariable String id, @RequestBody Text body, Principal principal) {
        ConversationId conversation = ConversationId.parse(id);
        if (!handoff.holds(principal.getName(), conversation)) {
            return problem(HttpStatus.FORBIDDEN, "not-yours");
        }
        String name = accounts.byUsername(principal.getName()).map(Accounts.Account::displayName)
                .orElse(principal.getName());
        try {
            var line = conversations.sendFromAgent(conversation, name, body.text() == null ? "" : body.text());
            if (line.isEmpty()) {
                return problem(HttpStatus.CONFLICT, "already-closed");
            }
            events.lineAdded(conversation, line.getAsLong());
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("line", line.getAsLong()));
        } catch (IllegalArgumentException e) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-message");
        }
    }

    @PostMapping("/api/agent/conversations/{id}/notes")
    ResponseEntity<?> note(@PathVariable String id, @RequestBody Text body, Principal principal) {
        ConversationId conversation = ConversationId.parse(id);
        if (!handoff.holds(principal.getName(), conversation)) {
            return problem(HttpStatus.FORBIDDEN, "not-yours");
        }
        if (body.text() == null || body.text().isBlank()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-message");
        }
        long line = noteLines.incrementAndGet();
        notes.computeIfAbsent(conversation, c -> new CopyOnWriteArrayList<>())
                .add(new Note(line, principal.getName(), body.text().strip(), clock.instant()));
        events.lineAdded(conversation, line);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("line", line));
    }

    @PostMapping("/api/agent/conversations/{id}/transfer")
    ResponseEntity<?> transfer(@PathVariable String id, @RequestBody Transfer body, Principal principal) {
        TransferTarget target = body.agent() != null ? new TransferTarget.Agent(body.agent())
                : body.team() != null ? new TransferTarget.Team(body.team()) : null;
        if (target == null) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-request");
        }
        return switch (handoff.transfer(principal.getName(), ConversationId.parse(id), target)) {
            case DONE -> ResponseEntity.ok().build();
            case UNKNOWN_TEAM -> problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-team");
            default -> problem(HttpStatus.FORBIDDEN, "not-yours");
        };
    }

    @PostMapping("/api/agent/conversations/{id}/resolve")
    ResponseEntity<?> resolve(@PathVariable String id, Principal principal) {
        return switch (handoff.resolve(principal.getName(), ConversationId.parse(id))) {
            case DONE -> ResponseEntity.ok().build();
            case ALREADY_CLOSED -> problem(HttpStatus.CONFLICT, "already-closed");
            default -> problem(HttpStatus.FORBIDDEN, "not-yours");
        };
    }

    @PostMapping("/api/agent/presence")
    ResponseEntity<Void> presence(@RequestBody PresenceChange body, Principal principal) {
        handoff.presence(principal.getName(), Presence.valueOf(Optional.ofNullable(body.presence()).orElse("ONLINE")));
        return ResponseEntity.noContent().build();
    }

    private Chat view(ConversationId conversation) {
        var summary = conversations.find(conversation).orElseThrow();
        List<Message> messages = new ArrayList<>();
        for (TranscriptEntry entry : conversations.transcript(conversation)) {
            messages.add(new Message(entry.id(), entry.author().name(), entry.text(), entry.at().toString(),
                    entry.reply().map(r -> r.agentName()).orElse(null), false));
        }
        notes.getOrDefault(conversation, List.of()).forEach(note -> messages.add(new Message(note.line(), "AGENT",
                note.text(), note.at().toString(), note.agent(), true)));
        messages.sort(Comparator.comparing(Message::at).thenComparing(Message::line));
        return new Chat(conversation.toString(), summary.state().name(), summary.language().tag(),
                summary.customer().channel(), messages);
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type) {
        ProblemDetail detail = ProblemDetail.forStatus(status);
        detail.setType(java.net.URI.create("https://dastyar.io/problems/" + type));
        detail.setDetail(type);
        return ResponseEntity.status(status).body(detail);
    }
}
