package io.dastyar.agent.api;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.account.Accounts;
import io.dastyar.agent.AgentEvents;
import io.dastyar.agent.StaffRoles;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.Handoff.Outcome;
import io.dastyar.handoff.HeldChat;
import io.dastyar.handoff.Presence;
import io.dastyar.handoff.TransferTarget;
import io.dastyar.handoff.WaitingChat;

/**
 * The agent API (docs/agent-api.md): the queue, the signed-in agent's chats, and what they do with them. Agents act
 * only on chats they hold; a supervisor or an admin may also read any conversation ({@link SupervisorApiController}
 * adds what only they do).
 */
@RestController
@RequestMapping("/api/agent")
class AgentApiController {

    record QueueEntry(String conversation, String channel, String language, Instant waitingSince, int place,
                      @Nullable Map<String, String> target) {

        static QueueEntry of(WaitingChat chat) {
            return new QueueEntry(chat.conversation().toString(), chat.channel(), chat.language().tag(),
                    chat.waitingSince(), chat.place(), chat.target().map(AgentApiController::describe).orElse(null));
        }
    }

    record ChatEntry(String conversation, String channel, String language, Instant queuedAt, Instant assignedAt) {

        static ChatEntry of(HeldChat chat) {
            return new ChatEntry(chat.conversation().toString(), chat.channel(), chat.language().tag(), chat.queuedAt(),
                    chat.assignedAt());
        }
    }

    /**
     * One line of a chat: a message ({@code kind} "message", with its transcript {@code line}) or an internal note
     * ({@code kind} "note", with its {@code note} id and the agent who wrote it as {@code author}). A customer's photo,
     * file or location has its {@code attachment} (the text is its caption), and a line they edited says so.
     */
    record Line(String kind, @Nullable Long line, @Nullable Long note, @Nullable String direction, String author,
                @Nullable String name, String text, Instant at, @Nullable AttachmentView attachment,
                TranscriptEntry.@Nullable Edited edited) {
    }

    record ChatView(String conversation, String state, String language, String channel, List<Line> messages) {
    }

    record TextBody(@Nullable String text) {
    }

    record TransferBody(@Nullable String agent, @Nullable String team) {
    }

    record PresenceBody(@Nullable Presence presence) {
    }

    private final Handoff handoff;
    private final Conversations conversations;
    private final Accounts accounts;
    private final AgentNotes notes;
    private final AgentEvents events;
    private final Clock clock;

    AgentApiController(Handoff handoff, Conversations conversations, Accounts accounts, AgentNotes notes,
                       AgentEvents events, Clock clock) {
        this.handoff = handoff;
        this.conversations = conversations;
        this.accounts = accounts;
        this.notes = notes;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/queue")
    List<QueueEntry> queue() {
        return handoff.queue().stream().map(QueueEntry::of).toList();
    }

    @GetMapping("/conversations")
    List<ChatEntry> chats(Authentication agent) {
        return handoff.chatsOf(agent.getName()).stream().map(ChatEntry::of).toList();
    }

    @GetMapping("/conversations/{id}")
    ChatView chat(@PathVariable String id, Authentication agent) {
        ConversationId conversation = parse(id);
        ConversationSummary summary = conversations.find(conversation)
                .orElseThrow(AgentApiProblem::unknownConversation);
        if (!handoff.holds(agent.getName(), conversation) && !StaffRoles.supervises(agent)) {
            throw AgentApiProblem.of(Outcome.NOT_YOURS);
        }
        var lines = new ArrayList<Line>();
        for (TranscriptEntry entry : conversations.transcript(conversation)) {
            lines.add(new Line("message", entry.id(), null, entry.direction().name().toLowerCase(),
                    entry.author().name().toLowerCase(), entry.reply().map(Reply::agentName).orElse(null),
                    entry.text(), entry.at(),
                    entry.attachment().map(file -> AttachmentView.of(conversation, entry.id(), file)).orElse(null),
                    entry.edited().orElse(null)));
        }
        for (AgentNotes.Note note : notes.of(conversation)) {
            lines.add(new Line("note", null, note.id(), null, note.author(), displayName(note.author()), note.text(),
                    note.at(), null, null));
        }
        // Stable: messages keep their order, and a note comes after the messages written before it.
        lines.sort(Comparator.comparing(Line::at));
        return new ChatView(conversation.toString(), summary.state().name(), summary.language().tag(),
                summary.customer().channel(), lines);
    }

    @PostMapping("/conversations/{id}/claim")
    ChatEntry claim(@PathVariable String id, Authentication agent) {
        ConversationId conversation = parse(id);
        check(handoff.claim(agent.getName(), conversation));
        return handoff.chatsOf(agent.getName()).stream().filter(chat -> chat.conversation().equals(conversation))
                .findFirst().map(ChatEntry::of)
                // Claimed, then at once released (an agent going offline in between): no longer theirs.
                .orElseThrow(() -> AgentApiProblem.of(Outcome.NOT_WAITING));
    }

    @PostMapping("/conversations/{id}/messages")
    ResponseEntity<Map<String, Object>> message(@PathVariable String id, @RequestBody @Nullable TextBody body,
                                                Authentication agent) {
        ConversationId conversation = parse(id);
        String text = validText(body);
        mustHold(agent.getName(), conversation);
        var line = conversations.sendFromAgent(conversation, displayName(agent.getName()), text);
        if (line.isEmpty()) {
            // The conversation moved on between the check and the message.
            mustHold(agent.getName(), conversation);
            throw AgentApiProblem.of(Outcome.NOT_YOURS);
        }
        handoff.replied(agent.getName(), conversation);
        // Sending posts no ConversationMoved: tell the console (this and the holder's other tabs) of the new line.
        events.lineAdded(conversation, line.getAsLong());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("conversation", conversation.toString(), "line", line.getAsLong()));
    }

    @PostMapping("/conversations/{id}/notes")
    ResponseEntity<Map<String, Object>> note(@PathVariable String id, @RequestBody @Nullable TextBody body,
                                             Authentication agent) {
        ConversationId conversation = parse(id);
        String text = validText(body);
        mustHold(agent.getName(), conversation);
        long note = notes.add(conversation, agent.getName(), text, clock.instant());
        events.noteAdded(conversation, note);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("conversation", conversation.toString(), "note", note));
    }

    @PostMapping("/conversations/{id}/transfer")
    Map<String, Object> transfer(@PathVariable String id, @RequestBody @Nullable TransferBody body,
                                 Authentication agent) {
        ConversationId conversation = parse(id);
        TransferTarget target = targetOf(body);
        check(handoff.transfer(agent.getName(), conversation, target));
        return Map.of("conversation", conversation.toString(), "target", describe(target));
    }

    @PostMapping("/conversations/{id}/resolve")
    Map<String, Object> resolve(@PathVariable String id, Authentication agent) {
        ConversationId conversation = parse(id);
        check(handoff.resolve(agent.getName(), conversation));
        return Map.of("conversation", conversation.toString(), "state", ConversationState.AWAITING_RATING.name());
    }

    @PostMapping("/presence")
    ResponseEntity<Void> presence(@RequestBody @Nullable PresenceBody body, Authentication agent) {
        if (body == null || body.presence() == null) {
            throw AgentApiProblem.invalidRequest("Say {\"presence\": \"ONLINE\"}, \"AWAY\" or \"OFFLINE\".");
        }
        handoff.presence(agent.getName(), body.presence());
        return ResponseEntity.noContent().build();
    }

    private void mustHold(String agent, ConversationId conversation) {
        if (handoff.holds(agent, conversation)) {
            return;
        }
        Optional<ConversationState> state = conversations.find(conversation).map(ConversationSummary::state);
        if (state.isEmpty()) {
            throw AgentApiProblem.unknownConversation();
        }
        throw AgentApiProblem.of(switch (state.get()) {
            case AWAITING_RATING, AWAITING_COMMENT, AWAITING_NPS, CLOSED -> Outcome.ALREADY_CLOSED;
            default -> Outcome.NOT_YOURS;
        });
    }

    private String validText(@Nullable TextBody body) {
        int max = conversations.maxMessageLength();
        if (body == null || body.text() == null || body.text().isBlank()) {
            throw AgentApiProblem.invalidMessage("Write 1 to " + max + " characters.");
        }
        if (body.text().length() > max) {
            throw AgentApiProblem.invalidMessage("At most " + max + " characters; this has " + body.text().length() + ".");
        }
        return body.text();
    }

    private static TransferTarget targetOf(@Nullable TransferBody body) {
        boolean toAgent = body != null && body.agent() != null && !body.agent().isBlank();
        boolean toTeam = body != null && body.team() != null && !body.team().isBlank();
        if (toAgent == toTeam) {
            throw AgentApiProblem.invalidRequest("Name either an \"agent\" or a \"team\" to transfer to.");
        }
        return toAgent ? new TransferTarget.Agent(body.agent().strip()) : new TransferTarget.Team(body.team().strip());
    }

    static ConversationId parse(String id) {
        try {
            return ConversationId.parse(id);
        } catch (IllegalArgumentException e) {
            throw AgentApiProblem.unknownConversation();
        }
    }

    static void check(Outcome outcome) {
        if (outcome != Outcome.DONE) {
            throw AgentApiProblem.of(outcome);
        }
    }

    private String displayName(String username) {
        return accounts.byUsername(username).map(Accounts.Account::displayName).orElse(username);
    }

    static Map<String, String> describe(TransferTarget target) {
        return switch (target) {
            case TransferTarget.Agent agent -> Map.of("agent", agent.username());
            case TransferTarget.Team team -> Map.of("team", team.name());
        };
    }
}
