package io.dastyar.agent;

import java.util.EnumSet;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;

/** The agents' start page: who is waiting for a person and who is being served (the header names who is signed in). */
@Controller
class AgentConsoleController {

    private final Conversations conversations;

    AgentConsoleController(Conversations conversations) {
        this.conversations = conversations;
    }

    @GetMapping("/agent")
    String console(Model model) {
        model.addAttribute("waiting", conversations.inStates(EnumSet.of(ConversationState.QUEUED)));
        model.addAttribute("serving", conversations.inStates(EnumSet.of(ConversationState.WITH_AGENT)));
        return "agent/console";
    }
}
