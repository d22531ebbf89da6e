package io.dastyar.agent;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.dastyar.account.Accounts;
import io.dastyar.system.Language;

/**
 * The agents' workspace: the queue, their chats, the chat view and the customer panel, kept live by
 * {@link AgentEvents}. The page is in the staff pages' language ({@code ?locale=}, else the browser's), right to left for
 * Persian and Arabic; everything on it that changes comes from the API through {@code /agent/workspace.js}.
 */
@Controller
class WorkspaceController {

    private final Accounts accounts;

    WorkspaceController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/agent")
    String workspace(Locale locale, Model model, Authentication principal) {
        // The staff pages' language (?locale=fa, remembered), so the shared header speaks the same language.
        Language language = Language.fromTag(locale.toLanguageTag()).orElse(Language.EN);
        String agent = principal.getName();
        model.addAttribute("agent", agent);
        model.addAttribute("agentName", accounts.byUsername(agent).map(Accounts.Account::displayName).orElse(agent));
        model.addAttribute("lang", language.tag());
        model.addAttribute("dir", language.rightToLeft() ? "rtl" : "ltr");
        // Supervisors and admins also get every chat, and may reassign them.
        model.addAttribute("supervisor", StaffRoles.supervises(principal));
        return "agent/workspace";
    }
}
