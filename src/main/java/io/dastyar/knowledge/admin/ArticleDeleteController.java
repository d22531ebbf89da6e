package io.dastyar.knowledge.admin;

import java.security.Principal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.search.KnowledgeBase;

/** Deleting an article: a page that asks to confirm, then the delete itself. */
@Controller
@RequestMapping("/admin/knowledge/{lang}/{id}/delete")
class ArticleDeleteController {

    private final KnowledgeBase knowledgeBase;
    private final ArticleEditor editor;

    ArticleDeleteController(KnowledgeBase knowledgeBase, ArticleEditor editor) {
        this.knowledgeBase = knowledgeBase;
        this.editor = editor;
    }

    @GetMapping
    String confirm(@PathVariable String lang, @PathVariable String id, Model model) {
        ArticleRef ref = ArticleRef.of(lang, id);
        if (editor.text(ref.language(), ref.id()).isEmpty()) {
            throw ArticleRef.notFound();
        }
        return page(ref, model);
    }

    @PostMapping
    String delete(@PathVariable String lang, @PathVariable String id, Principal admin, Model model,
                  RedirectAttributes redirect) {
        ArticleRef ref = ArticleRef.of(lang, id);
        try {
            editor.delete(ref.language(), ref.id(), admin.getName());
            redirect.addFlashAttribute("deleted", ref.file());
            return "redirect:/admin/knowledge";
        } catch (ArticleEditor.Refused e) {
            model.addAttribute("error", e.getMessage());
            return page(ref, model);
        }
    }

    private String page(ArticleRef ref, Model model) {
        model.addAttribute("ref", ref);
        // A file that never loaded has no title to show; it can be deleted all the same.
        model.addAttribute("title", knowledgeBase.article(ref.language(), ref.id()).map(Article::title).orElse(null));
        return "admin/knowledge/delete";
    }
}
