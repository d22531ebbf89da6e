package io.dastyar.knowledge.search;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * The Lucene indexes of the knowledge base, one per language, each with its own analysis (plus character
 * n-grams of titles and questions for Persian and Arabic, whose spelling varies more than any stemmer can
 * follow) and, where a model understands the language, a vector per question.
 */
final class ArticleIndex implements Closeable {

    /**
     * Only the start of a long message is ranked: FAQ questions are short, and every word of a question becomes
     * several query terms (more with n-grams), so a 4,000-character message would cost a tenth of a second or more.
     */
    static final int RANKED_LENGTH = 1_000;

    /**
     * Learning question weights up to this cost (weights visited) is done within an update: under two tenths of a
     * second, which about 200 Persian articles stay under. Beyond it, searches go on with the centroids while the
     * weights are learned in the background.
     */
    static final long INLINE_LEARNING_COST = 30_000_000;

    private static final Logger log = LoggerFactory.getLogger(ArticleIndex.class);

    private final Map<Language, LanguageIndex> indexes = new ConcurrentHashMap<>();
    private final Path folder;
    private final KnowledgeProperties settings;
    private final Optional<SentenceEmbedder> embedder;
    private final long inlineLearningCost;

    /** {@code folder} keeps the indexes between restarts; null keeps them in memory only. */
    ArticleIndex(Path folder, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder) {
        this(folder, settings, embedder, INLINE_LEARNING_COST);
    }

    /** With learning above {@code inlineLearningCost} in the background (see {@link LanguageIndex}). */
    ArticleIndex(Path folder, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder, long inlineLearningCost) {
        this.folder = folder;
        this.settings = settings;
        this.embedder = embedder;
        this.inlineLearningCost = inlineLearningCost;
        try {
            for (Language language : Language.values()) {
                indexes.put(language, open(language));
            }
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(indexes.values()); // and their locks, for whoever tries next
            throw e;
        }
    }

    private LanguageIndex open(Language language) {
        Optional<SentenceEmbedder> forLanguage = embedder.filter(e -> settings.semantic().enabled()
                && settings.semantic().languages().contains(language));
        return new LanguageIndex(language, folder, settings, forLanguage, inlineLearningCost);
    }

    /** An index of these articles in memory, for tools that rank outside the service; it learns inline. */
    static ArticleIndex inMemory(Collection<Article> articles, KnowledgeProperties settings,
                                 Optional<SentenceEmbedder> embedder) {
        var index = new ArticleIndex(null, settings, embedder, Long.MAX_VALUE);
        index.update(articles);
        return index;
    }

    /** Makes the indexes hold exactly these articles; returns what that took, in all languages together. */
    LanguageIndex.Changes update(Collection<Article> articles) {
        var changes = new LanguageIndex.Changes(0, 0);
        for (Language language : Language.values()) {
            List<Article> ofLanguage = articles.stream().filter(a -> a.language() == language).toList();
            changes = changes.plus(update(language, ofLanguage));
        }
        return changes;
    }

    private synchronized LanguageIndex.Changes update(Language language, List<Article> articles) {
        LanguageIndex index = indexes.get(language);
        try {
            return index.update(articles);
        } catch (RuntimeException e) {
            if (!index.isBroken()) {
                throw e;
            }
            // The disk filled up, say; once there is room again, a reload must work without a restart.
            log.warn("The {} index broke ({}); opening it again", language, e.toString());
            IOUtils.closeWhileHandlingException(index);
            LanguageIndex reopened = open(language);
            indexes.put(language, reopened);
            return reopened.update(articles);
        }
    }

    /**
     * Searches the given language, or every language when it is not known, and ranks by confidence.
     * The result's language is the one searched, or, when every language was, the best hit's.
     */
    SearchResult search(String text, Optional<Language> language, int limit) {
        text = text.length() > RANKED_LENGTH ? text.substring(0, RANKED_LENGTH) : text;
        List<Language> languages = language.map(List::of).orElseGet(() -> List.of(Language.values()));
        List<LanguageHit> hits = new ArrayList<>();
        for (Language candidate : languages) {
            indexes.get(candidate).search(text, limit).forEach(hit -> hits.add(new LanguageHit(candidate, hit)));
        }
        hits.sort(Comparator.comparingDouble((LanguageHit h) -> h.hit().score()).reversed());
        List<Hit> top = hits.stream().limit(limit).map(LanguageHit::hit).toList();
        Language searched = language.orElseGet(() -> hits.isEmpty() ? null : hits.getFirst().language());
        boolean answerable = !top.isEmpty() && top.getFirst().score() >= settings.thresholds().of(searched);
        return new SearchResult(searched, answerable, top);
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(indexes.values());
    }

    private record LanguageHit(Language language, Hit hit) {
    }
}
