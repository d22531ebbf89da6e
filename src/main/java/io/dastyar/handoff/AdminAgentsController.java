package io.dastyar.handoff;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dastyar.account.Accounts;
import io.dastyar.system.Language;

/**
 * The admins' page for agents' routing settings (ADMIN only, as everything under {@code /admin}): every enabled
 * user with the capacity, languages and teams routing uses for them, and a page to change them. Someone who never
 * opened the console has the configured defaults until an admin saves settings of their own.
 */
@Controller
@RequestMapping("/admin/agents")
class AdminAgentsController {

    private static final String FORM = "agentSettings";

    /** One row of the list: the account, hand-off's settings if they are registered, the languages routing uses. */
    record Row(Accounts.Account account, Optional<AgentStatus> status, List<Language> languages) {
    }

    private final Accounts accounts;
    private final HandoffService handoff;
    private final RoutingProperties defaults;

    AdminAgentsController(Accounts accounts, HandoffService handoff, RoutingProperties defaults) {
        this.accounts = accounts;
        this.handoff = handoff;
        this.defaults = defaults;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("rows", accounts.all().stream().filter(Accounts.Account::enabled)
                .sorted(Comparator.comparing(Accounts.Account::displayName, String.CASE_INSENSITIVE_ORDER))
                .map(this::row).toList());
        model.addAttribute("defaults", defaultSettings());
        return "admin/agents";
    }

    @GetMapping("/{username}")
    String edit(@PathVariable String username, Model model) {
        Accounts.Account account = account(username);
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, handoff.status(account.username()).map(AgentSettingsForm::of)
                    .orElseGet(this::defaultSettings));
        }
        return editPage(account, model);
    }

    @PostMapping("/{username}")
    String save(@PathVariable String username, @Validated @ModelAttribute(FORM) AgentSettingsForm form,
                BindingResult errors, Model model, RedirectAttributes redirect) {
        Accounts.Account account = account(username);
        String badTeam = form.badTeam();
        if (badTeam != null) {
            errors.rejectValue("teams", "bad-team", new Object[] {badTeam, AgentSettingsForm.LONGEST_TEAM}, badTeam);
        } else if (form.teamNames().size() > AgentSettingsForm.MOST_TEAMS) {
            errors.rejectValue("teams", "too-many", new Object[] {AgentSettingsForm.MOST_TEAMS}, "Too many teams");
        }
        if (errors.hasErrors()) {
            return editPage(account, model);
        }
        handoff.configure(account.username(), form.capacity(), form.languages(), form.teamNames());
        redirect.addFlashAttribute("saved", account.displayName());
        return "redirect:/admin/agents";
    }

    private Row row(Accounts.Account account) {
        Optional<AgentStatus> status = handoff.status(account.username());
        Set<Language> languages = status.map(AgentStatus::languages).orElse(defaults.defaultLanguages());
        return new Row(account, status, Arrays.stream(Language.values()).filter(languages::contains).toList());
    }

    private String editPage(Accounts.Account account, Model model) {
        model.addAttribute("account", account);
        model.addAttribute("languages", Language.values());
        return "admin/agent";
    }

    private AgentSettingsForm defaultSettings() {
        return new AgentSettingsForm(defaults.defaultCapacity(), defaults.defaultLanguages(), "");
    }

    private Accounts.Account account(String username) {
        return accounts.byUsername(username).filter(Accounts.Account::enabled)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
