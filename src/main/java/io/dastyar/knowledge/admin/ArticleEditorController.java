package io.dastyar.knowledge.admin;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.system.Language;

/**
 * The article form: {@code /admin/knowledge/new} creates, {@code /admin/knowledge/{lang}/{id}} edits. The
 * Preview button posts the same form and shows it again with the answer rendered, saving nothing.
 */
@Controller
@RequestMapping("/admin/knowledge")
class ArticleEditorController {

    static final int HISTORY = 50;

    private final KnowledgeBase knowledgeBase;
    private final ArticleEditor editor;
    private final ArticleAudit audit;

    ArticleEditorController(KnowledgeBase knowledgeBase, ArticleEditor editor, ArticleAudit audit) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
        this.audit = audit;
    }

    /** {@code q}: questions to start with, as the list of unanswered questions links them. */
    @GetMapping("/new")
    String newArticle(@RequestParam(name = "lang", defaultValue = "en") String lang,
                      @RequestParam(name = "q", required = false) List<String> questions, Model model) {
        Language language = Language.fromTag(lang).orElse(Language.EN);
        return page(ArticleForm.blank(language, questions == null ? List.of() : questions), null, model);
    }

    @PostMapping(path = "/new", params = "preview")
    String previewNew(@ModelAttribute("article") ArticleForm form, BindingResult errors, Model model) {
        return preview(form, null, model);
    }

    @PostMapping("/new")
    String create(@Validated @ModelAttribute("article") ArticleForm form, BindingResult errors, Principal admin,
                  Model model, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                editor.create(form, admin.getName());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/knowledge/" + form.language() + "/" + form.id();
            } catch (ArticleEditor.Refused e) {
                reject(errors, e);
            }
        }
        return page(form, null, model);
    }

    @GetMapping("/{lang}/{id}")
    String edit(@PathVariable String lang, @PathVariable String id, Model model) {
        ArticleRef ref = ArticleRef.of(lang, id);
        Optional<String> text = editor.text(ref.language(), ref.id());
        String version = ArticleEditor.version(text);
        // The version being served: for a file that no longer loads, its last good one.
        Optional<Article> served = knowledgeBase.article(ref.language(), ref.id());
        if (served.isPresent()) {
            return page(ArticleForm.of(served.get(), version), ref, model);
        }
        // A file that never loaded: its whole text goes in the answer box, so the admin can repair it here.
        String unreadable = text.orElseThrow(ArticleRef::notFound);
        model.addAttribute("unparsed", true);
        return page(ArticleForm.unparsed(ref.language(), ref.id(), unreadable, version), ref, model);
    }

    @PostMapping(path = "/{lang}/{id}", params = "preview")
    String previewEdit(@PathVariable String lang, @PathVariable String id,
                       @ModelAttribute("article") ArticleForm form, BindingResult errors, Model model) {
        return preview(form, ArticleRef.of(lang, id), model);
    }

    @PostMapping("/{lang}/{id}")
    String update(@PathVariable String lang, @PathVariable String id,
                  @Validated @ModelAttribute("article") ArticleForm form, BindingResult errors, Principal admin,
                  Model model, RedirectAttributes redirect) {
        ArticleRef ref = ArticleRef.of(lang, id);
        if (!errors.hasErrors()) {
            try {
                // The address says which article this is, whatever the form's hidden fields say.
                editor.update(form.withKey(ref.language(), ref.id()), admin.getName());
                redirect.addFlashAttribute("saved", true);
                return "redirect:/admin/knowledge/" + ref.key();
            } catch (ArticleEditor.Refused e) {
                reject(errors, e);
            }
        }
        return page(form, ref, model);
    }

    private String preview(ArticleForm form, ArticleRef editing, Model model) {
        model.addAttribute("preview", MarkdownPreview.toSafeHtml(form.cleanBody()));
        return page(form, editing, model);
    }

    private static void reject(BindingResult errors, ArticleEditor.Refused refused) {
        refused.field().ifPresentOrElse(field -> errors.rejectValue(field, "refused", refused.getMessage()),
                () -> errors.reject("refused", refused.getMessage()));
    }

    private String page(ArticleForm form, ArticleRef editing, Model model) {
        if (!model.containsAttribute("article")) {
            model.addAttribute("article", form);
        }
        model.addAttribute("dir", editing == null ? form.dir() : ArticleForm.dir(editing.language()));
        model.addAttribute("languages", Language.values());
        model.addAttribute("editing", editing);
        if (editing != null) {
            model.addAttribute("history", audit.latest(editing.language(), editing.id(), HISTORY));
            model.addAttribute("problem", knowledgeBase.problems().stream()
                    .filter(problem -> problem.file().equals(editing.file())).findFirst().orElse(null));
        }
        return "admin/knowledge/edit";
    }
}
