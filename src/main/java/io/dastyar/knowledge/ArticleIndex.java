package io.dastyar.knowledge;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dastyar.system.Language;

/**
 * An immutable, in-memory Lucene index of one snapshot of the knowledge base: one index per language, one
 * document per article with its title, questions and body as separate fields (plus character n-grams of
 * title and questions for Persian and Arabic, whose spelling varies more than any stemmer can follow).
 * A reload builds a new instance and swaps it in, so searches never see a half-built index.
 */
final class ArticleIndex {

    private final Map<Language, LanguageIndex> indexes = new EnumMap<>(Language.class);
    private final KnowledgeProperties settings;

    ArticleIndex(Collection<Article> articles, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder) {
        this.settings = settings;
        for (Language language : Language.values()) {
            List<Article> ofLanguage = articles.stream().filter(a -> a.language() == language).toList();
            if (!ofLanguage.isEmpty()) {
                Optional<SentenceEmbedder> forLanguage = embedder.filter(e -> settings.semantic().enabled()
                        && settings.semantic().languages().contains(language));
                indexes.put(language, new LanguageIndex(language, ofLanguage, settings, forLanguage));
            }
        }
    }

    /**
     * Searches the given language, or every language when it is not known, and ranks by confidence.
     * The result's language is the one searched, or, when every language was, the best hit's.
     */
    SearchResult search(String text, Optional<Language> language, int limit) {
        List<Language> languages = language.map(List::of).orElseGet(() -> List.copyOf(indexes.keySet()));
        List<LanguageHit> hits = new ArrayList<>();
        for (Language candidate : languages) {
            LanguageIndex index = indexes.get(candidate);
            if (index != null) {
                index.search(text, limit).forEach(hit -> hits.add(new LanguageHit(candidate, hit)));
            }
        }
        hits.sort(Comparator.comparingDouble((LanguageHit h) -> h.hit().score()).reversed());
        List<Hit> top = hits.stream().limit(limit).map(LanguageHit::hit).toList();
        Language searched = language.orElseGet(() -> hits.isEmpty() ? null : hits.getFirst().language());
        boolean answerable = !top.isEmpty() && top.getFirst().score() >= settings.thresholds().of(searched);
        return new SearchResult(searched, answerable, top);
    }

    private record LanguageHit(Language language, Hit hit) {
    }

}
