package io.dastyar.knowledge.admin;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleProblem;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.system.Language;

/** {@code /admin/knowledge}: every article of every language with how it fared, and the files that do not load. */
@Controller
class ArticleListController {

    record Row(Language language, String id, String title, int questions, long helped, long notHelped) {
    }

    /** A file that does not load; {@code editorPath} is the editor's address for it, or null if it cannot open it. */
    record Problem(String file, int line, String message, String editorPath) {

        static Problem of(ArticleProblem problem) {
            return new Problem(problem.file(), problem.line(), problem.message(),
                    ArticleRef.ofFile(problem.file()).map(ArticleRef::key).orElse(null));
        }
    }

    private final KnowledgeBase knowledgeBase;
    private final ArticleFeedback feedback;

    ArticleListController(KnowledgeBase knowledgeBase, ArticleFeedback feedback) {
        this.knowledgeBase = knowledgeBase;
        this.feedback = feedback;
    }

    @GetMapping("/admin/knowledge")
    String list(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        Map<String, ArticleFeedback.Counts> counts = feedback.byArticle();
        String needle = query.strip().toLowerCase(Locale.ROOT);
        List<Row> rows = knowledgeBase.articles().stream()
                .filter(article -> needle.isEmpty() || matches(article, needle))
                .sorted(Comparator.comparing((Article article) -> article.id().value())
                        .thenComparing(Article::language))
                .map(article -> {
                    var count = counts.getOrDefault(article.key(), ArticleFeedback.Counts.NONE);
                    return new Row(article.language(), article.id().value(), article.title(),
                            article.questions().size(), count.helped(), count.notHelped());
                })
                .toList();
        model.addAttribute("q", query);
        model.addAttribute("rows", rows);
        model.addAttribute("total", knowledgeBase.size());
        model.addAttribute("problems", knowledgeBase.problems().stream().map(Problem::of).toList());
        model.addAttribute("languages", Language.values());
        return "admin/knowledge/list";
    }

    private static boolean matches(Article article, String needle) {
        return article.id().value().contains(needle)
                || article.title().toLowerCase(Locale.ROOT).contains(needle)
                || article.questions().stream().anyMatch(q -> q.toLowerCase(Locale.ROOT).contains(needle));
    }
}
