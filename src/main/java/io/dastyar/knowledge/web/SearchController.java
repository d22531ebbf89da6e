package io.dastyar.knowledge.web;

import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.knowledge.search.Hit;
import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.knowledge.search.SearchResult;
import io.dastyar.system.Language;

/**
 * {@code GET /api/kb/search?q=…&lang=…&limit=…}. Public, like the answers the bot gives. The JSON shape is
 * a contract: external evaluation depends on it.
 */
@RestController
class SearchController {

    static final int MAX_LIMIT = 50;

    record SearchResponse(String language, boolean answerable, List<Hit> hits) {
    }

    private final KnowledgeBase knowledgeBase;

    SearchController(KnowledgeBase knowledgeBase) {
        this.knowledgeBase = knowledgeBase;
    }

    @GetMapping("/api/kb/search")
    SearchResponse search(@RequestParam("q") String query, @RequestParam(name = "lang", required = false) String lang,
                          @RequestParam(name = "limit", defaultValue = "10") int limit) {
        if (query.isBlank() || query.length() > KnowledgeBase.MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q must be 1 to " + KnowledgeBase.MAX_QUERY_LENGTH + " characters");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
        }
        Optional<Language> language = Optional.ofNullable(lang).filter(tag -> !tag.isBlank()).map(tag ->
                Language.fromTag(tag).orElseThrow(() -> new IllegalArgumentException(
                        "lang must be one of en, fa, ar, az, not '" + tag + "'")));
        SearchResult result = knowledgeBase.search(query, language, limit);
        return new SearchResponse(result.language() == null ? null : result.language().tag(), result.answerable(),
                result.hits());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
