package io.dastyar.knowledge.admin;

import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.dastyar.knowledge.search.Hit;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.knowledge.search.SearchResult;
import io.dastyar.knowledge.search.ThresholdLearning;
import io.dastyar.system.Language;

/**
 * {@code /admin/knowledge/try}: asks the knowledge base a question as the bot would, and shows every score
 * against the language's threshold, so an admin can see why the bot answers or does not.
 */
@Controller
class TryQuestionController {

    static final int HITS = 10;

    record Row(int rank, Hit hit) {
    }

    private final KnowledgeBase knowledgeBase;
    private final ThresholdLearning thresholds;

    TryQuestionController(KnowledgeBase knowledgeBase, ThresholdLearning thresholds) {
        this.knowledgeBase = knowledgeBase;
        this.thresholds = thresholds;
    }

    @GetMapping("/admin/knowledge/try")
    String tryQuestion(@RequestParam(name = "q", defaultValue = "") String question,
                       @RequestParam(name = "lang", defaultValue = "") String lang, Model model) {
        model.addAttribute("q", question);
        model.addAttribute("lang", lang);
        model.addAttribute("languages", Language.values());
        Optional<Language> chosen = Language.fromTag(lang);
        if (!lang.isBlank() && chosen.isEmpty()) {
            model.addAttribute("error", "Choose en, fa, ar or az, or let the language be detected.");
        } else if (question.length() > KnowledgeBase.MAX_QUERY_LENGTH) {
            model.addAttribute("error", "A question is at most " + KnowledgeBase.MAX_QUERY_LENGTH + " characters.");
        } else if (!question.isBlank()) {
            ask(question, chosen, model);
        }
        return "admin/knowledge/try";
    }

    private void ask(String question, Optional<Language> chosen, Model model) {
        Optional<Language> detected = knowledgeBase.detectLanguage(question);
        SearchResult result = knowledgeBase.search(question, chosen, HITS);
        List<Row> rows = IntStream.range(0, result.hits().size())
                .mapToObj(i -> new Row(i + 1, result.hits().get(i))).toList();
        // Without a language (nothing matched anywhere) there is no threshold to compare with.
        double threshold = result.language() == null ? 1 : thresholds.threshold(result.language());
        model.addAttribute("how", chosen.isPresent() ? "chosen" : detected.isPresent() ? "detected" : "unsure");
        model.addAttribute("result", result);
        model.addAttribute("threshold", result.language() == null ? null : threshold);
        model.addAttribute("advice", result.language() == null ? null : thresholds.advice(result.language()));
        model.addAttribute("enoughFeedback", ThresholdLearning.ENOUGH_FEEDBACK);
        model.addAttribute("above", rows.stream().filter(row -> row.hit().score() >= threshold).toList());
        model.addAttribute("below", rows.stream().filter(row -> row.hit().score() < threshold).toList());
    }
}
