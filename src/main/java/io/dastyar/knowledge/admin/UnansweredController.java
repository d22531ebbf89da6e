package io.dastyar.knowledge.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /admin/knowledge/unanswered}: what customers asked that the knowledge base did not answer well. */
@Controller
class UnansweredController {

    private final UnansweredQuestions unanswered;

    UnansweredController(UnansweredQuestions unanswered) {
        this.unanswered = unanswered;
    }

    @GetMapping("/admin/knowledge/unanswered")
    String unanswered(Model model) {
        model.addAttribute("groups", unanswered.groups());
        model.addAttribute("max", UnansweredQuestions.MAX_QUESTIONS);
        return "admin/knowledge/unanswered";
    }
}
