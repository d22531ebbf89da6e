package io.dastyar.agent;

import java.security.Principal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.dastyar.account.Accounts;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.AgentStatus;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.Presence;

/**
 * What the workspace needs beyond the agent API of {@code docs/agent-api.md}: its live stream, showing the agent's
 * typing to the customer, the canned responses and whom a chat can be transferred to.
 */
@RestController
class WorkspaceApiController {

    private final AgentEvents events;
    private final ObjectProvider<Handoff> handoff;
    private final Conversations conversations;
    private final Accounts accounts;
    private final CannedResponses canned;

    WorkspaceApiController(AgentEvents events, ObjectProvider<Handoff> handoff, Conversations conversations,
                           Accounts accounts, CannedResponses canned) {
        this.events = events;
        this.handoff = handoff;
        this.conversations = conversations;
        this.accounts = accounts;
        this.canned = canned;
    }

    @GetMapping(path = "/api/agent/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(Authentication user) {
        return events.open(user.getName(), StaffRoles.supervises(user));
    }

    /** The agent is typing in this chat: the customer sees it on channels that can show it. */
    @PostMapping("/api/agent/conversations/{id}/typing")
    ResponseEntity<Void> typing(@PathVariable String id, Principal principal) {
        Optional<ConversationId> conversation = parse(id);
        Handoff routing = handoff.getIfAvailable();
        if (conversation.isEmpty() || conversations.find(conversation.get()).isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        if (routing == null || !routing.holds(principal.getName(), conversation.get())) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        conversations.showTyping(conversation.get(), Author.AGENT);
        return ResponseEntity.noContent().build();
    }

    /** Canned responses by language: {@code {"responses": {"en": [{"shortcut", "title", "text"}], …}}}. */
    @GetMapping("/api/agent/canned-responses")
    ResponseEntity<CannedResponses.Catalogue> cannedResponses() {
        // Admins edit them while consoles are open: a console reads them afresh when it loads.
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(canned.catalogue());
    }

    /**
     * Whom the agent can pass a chat to: everyone else who signs in (agents, supervisors and admins all take chats),
     * with their presence if known, and the teams.
     */
    @GetMapping("/api/agent/transfer-targets")
    TransferTargets transferTargets(Principal principal) {
        Handoff routing = handoff.getIfAvailable();
        List<TransferTargets.Agent> agents = accounts.all().stream()
                .filter(account -> account.enabled() && !account.username().equals(principal.getName()))
                .map(account -> new TransferTargets.Agent(account.username(), account.displayName(),
                        Optional.ofNullable(routing).flatMap(r -> r.status(account.username()))
                                .map(AgentStatus::presence).orElse(Presence.OFFLINE).name()))
                .sorted(Comparator.comparing((TransferTargets.Agent agent) -> !agent.presence().equals("ONLINE"))
                        .thenComparing(TransferTargets.Agent::displayName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new TransferTargets(agents, routing == null ? List.of() : routing.teams());
    }

    record TransferTargets(List<Agent> agents, List<String> teams) {

        record Agent(String username, String displayName, String presence) {
        }
    }

    private static Optional<ConversationId> parse(String id) {
        try {
            return Optional.of(ConversationId.parse(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
