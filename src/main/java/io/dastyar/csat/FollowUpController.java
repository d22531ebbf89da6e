package io.dastyar.csat;

import java.security.Principal;
import java.util.Comparator;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dastyar.account.Accounts;

/**
 * {@code /supervisor/follow-ups}: unhappy customers to follow up, for supervisors and admins (system's security
 * says who). Each form posts back here and returns to the list, saying what was done.
 */
@Controller
class FollowUpController {

    static final String PATH = "/supervisor/follow-ups";
    private static final int MAX_NOTE = 4_000;

    private final FollowUps followUps;
    private final FollowUpQueries queries;
    private final Accounts accounts;
    private final CsatProperties properties;

    FollowUpController(FollowUps followUps, FollowUpQueries queries, Accounts accounts, CsatProperties properties) {
        this.followUps = followUps;
        this.queries = queries;
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping(PATH)
    String list(@RequestParam(defaultValue = "false") boolean closed, Model model) {
        model.addAttribute("items", queries.all(closed));
        model.addAttribute("withClosed", closed);
        model.addAttribute("flagHours", properties.followUps().flagAfter().toHours());
        // Anyone on the team may be asked to call a customer back, agents included.
        model.addAttribute("staff", accounts.all().stream()
                .filter(Accounts.Account::enabled)
                .sorted(Comparator.comparing(Accounts.Account::displayName))
                .toList());
        return "supervisor/follow-ups";
    }

    @PostMapping(PATH + "/{item}/assign")
    String assign(@PathVariable long item, @RequestParam String assignee, RedirectAttributes result) {
        if (accounts.byUsername(assignee).filter(Accounts.Account::enabled).isEmpty()) {
            return done(result, "follow-ups.unknown-user");
        }
        return done(result, followUps.assign(item, assignee) ? "follow-ups.assigned" : "follow-ups.not-open");
    }

    @PostMapping(PATH + "/{item}/note")
    String note(@PathVariable long item, @RequestParam String text, Principal user, RedirectAttributes result) {
        if (text.isBlank() || text.length() > MAX_NOTE) {
            return done(result, "follow-ups.note-invalid");
        }
        if (!followUps.note(item, user.getName(), text.strip())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return done(result, "follow-ups.noted");
    }

    @PostMapping(PATH + "/{item}/close")
    String close(@PathVariable long item, @RequestParam(defaultValue = "") String text, Principal user,
                 RedirectAttributes result) {
        if (text.length() > MAX_NOTE) {
            return done(result, "follow-ups.note-invalid");
        }
        return done(result, followUps.close(item, user.getName(), text.strip()) ? "follow-ups.closed" : "follow-ups.not-open");
    }

    private static String done(RedirectAttributes result, String messageKey) {
        result.addFlashAttribute("outcome", messageKey);
        return "redirect:" + PATH;
    }
}
