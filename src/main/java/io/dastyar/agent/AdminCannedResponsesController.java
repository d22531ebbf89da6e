package io.dastyar.agent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

import io.dastyar.system.Language;

/**
 * The admins' page for canned responses (ADMIN only, as everything under {@code /admin}): the list by language, a
 * form to add one, and a page to edit or delete each. The console reads the table at once; nothing restarts.
 */
@Controller
@RequestMapping("/admin/canned-responses")
class AdminCannedResponsesController {

    private static final String FORM = "cannedResponse";

    private final CannedResponses canned;

    AdminCannedResponsesController(CannedResponses canned) {
        this.canned = canned;
    }

    @GetMapping
    String list(Model model, Locale locale) {
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, CannedResponseForm.empty(Language.fromTag(locale.toLanguageTag()).orElse(Language.EN)));
        }
        return listPage(model);
    }

    @PostMapping
    String add(@Validated @ModelAttribute(FORM) CannedResponseForm form, BindingResult errors, Model model,
               RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                canned.add(form.language(), form.shortcut(), form.title(), form.text());
                redirect.addFlashAttribute("added", CannedResponses.key(form.shortcut()));
                return "redirect:/admin/canned-responses";
            } catch (CannedResponses.ShortcutTakenException e) {
                errors.rejectValue("shortcut", "taken", new Object[] {CannedResponses.key(form.shortcut())}, e.getMessage());
            }
        }
        return listPage(model);
    }

    @GetMapping("/{id}")
    String edit(@PathVariable long id, Model model) {
        CannedResponses.Response response = canned.find(id).orElseThrow(CannedResponsesNotFound::new);
        if (!model.containsAttribute(FORM)) {
            model.addAttribute(FORM, CannedResponseForm.of(response));
        }
        model.addAttribute("id", id);
        return "admin/canned-response";
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @Validated @ModelAttribute(FORM) CannedResponseForm form,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        canned.find(id).orElseThrow(CannedResponsesNotFound::new);
        if (!errors.hasErrors()) {
            try {
                canned.update(id, form.language(), form.shortcut(), form.title(), form.text());
                redirect.addFlashAttribute("saved", CannedResponses.key(form.shortcut()));
                return "redirect:/admin/canned-responses";
            } catch (CannedResponses.ShortcutTakenException e) {
                errors.rejectValue("shortcut", "taken", new Object[] {CannedResponses.key(form.shortcut())}, e.getMessage());
            }
        }
        model.addAttribute("id", id);
        return "admin/canned-response";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        CannedResponses.Response response = canned.find(id).orElseThrow(CannedResponsesNotFound::new);
        canned.delete(id);
        redirect.addFlashAttribute("deleted", response.shortcut());
        return "redirect:/admin/canned-responses";
    }

    private String listPage(Model model) {
        Map<Language, List<CannedResponses.Response>> byLanguage = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            byLanguage.put(language, canned.of(language));
        }
        model.addAttribute("byLanguage", byLanguage);
        model.addAttribute("languages", Language.values());
        return "admin/canned-responses";
    }

    /** An address of a response that is not (or no longer) there: the staff 404 page. */
    private static final class CannedResponsesNotFound extends ResponseStatusException {
        CannedResponsesNotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }
}
