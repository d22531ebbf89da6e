package io.dastyar.agent.api;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.account.Accounts;
import io.dastyar.agent.StaffRoles;
import io.dastyar.agent.SupervisedChat;
import io.dastyar.conversation.ConversationId;
import io.dastyar.handoff.Handoff;

/**
 * The supervisors' part of the agent API (docs/agent-api.md): every chat, and reassigning one to an agent or to
 * themselves. Supervisors and admins only; an agent gets a {@code supervisors-only} problem.
 */
@RestController
@RequestMapping("/api/agent")
class SupervisorApiController {

    record ReassignBody(@Nullable String agent) {
    }

    private final Handoff handoff;
    private final Accounts accounts;

    SupervisorApiController(Handoff handoff, Accounts accounts) {
        this.handoff = handoff;
        this.accounts = accounts;
    }

    @GetMapping("/all-conversations")
    List<SupervisedChat> all(Authentication user) {
        mustSupervise(user);
        return handoff.allChats().stream().map(chat -> SupervisedChat.of(chat, accounts::displayNameOf)).toList();
    }

    @PostMapping("/conversations/{id}/reassign")
    Map<String, Object> reassign(@PathVariable String id, @RequestBody @Nullable ReassignBody body,
                                 Authentication user) {
        mustSupervise(user);
        ConversationId conversation = AgentApiController.parse(id);
        if (body == null || body.agent() == null || body.agent().isBlank()) {
            throw AgentApiProblem.invalidRequest("Name the \"agent\" to reassign the conversation to.");
        }
        String agent = body.agent().strip();
        AgentApiController.check(handoff.reassign(user.getName(), conversation, agent));
        return Map.of("conversation", conversation.toString(), "agent", agent);
    }

    private static void mustSupervise(Authentication user) {
        if (!StaffRoles.supervises(user)) {
            throw new AgentApiProblem(HttpStatus.FORBIDDEN, "supervisors-only",
                    "Only supervisors and admins see every conversation and reassign them.");
        }
    }
}
