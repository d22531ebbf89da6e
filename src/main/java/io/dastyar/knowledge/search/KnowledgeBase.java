package io.dastyar.knowledge.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.analysis.LanguageDetector;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleFiles;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.article.ArticleProblem;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * The knowledge base as it is on disk now: the searchable articles and the files that could not be used.
 * A reload reads every file again and re-indexes the articles that changed. A file that turns bad keeps its
 * last good version in the index until it is fixed, so a typo in an edit never takes an answer away.
 * Created by {@code KnowledgeConfig}.
 */
public class KnowledgeBase implements AutoCloseable {

    /**
     * The longest question the search API and the admin's try page accept. The bot takes longer messages, but
     * only their start is ranked (see {@link ArticleIndex#RANKED_LENGTH}).
     */
    public static final int MAX_QUERY_LENGTH = 1_000;

    private static final Logger log = LoggerFactory.getLogger(KnowledgeBase.class);

    private record Snapshot(Map<String, Article> articles, List<ArticleProblem> problems) {
    }

    private final ArticleFiles files;
    private final LanguageDetector detector = new LanguageDetector();
    private final AtomicReference<Snapshot> current = new AtomicReference<>();
    private final ArticleIndex index;
    private final ToDoubleFunction<Language> thresholds;

    KnowledgeBase(KnowledgeProperties properties, Optional<SentenceEmbedder> embedder) {
        this(properties, embedder, language -> properties.thresholds().of(language));
    }

    /** {@code thresholds} may be refined while the service runs (see {@link ThresholdLearning}). */
    public KnowledgeBase(KnowledgeProperties properties, Optional<SentenceEmbedder> embedder,
                         ToDoubleFunction<Language> thresholds) {
        this.thresholds = thresholds;
        this.files = new ArticleFiles(properties.dir());
        this.index = new ArticleIndex(properties.indexFolder(), properties, embedder);
        try {
            reload();
        } catch (RuntimeException e) {
            IOUtils.closeWhileHandlingException(index);
            throw e;
        }
    }

    /** Searches in the given language, or in the one the text is written in, or, when unsure, in all. */
    public SearchResult search(String text, Optional<Language> language, int limit) {
        Optional<Language> searched = language.or(() -> detector.detect(text));
        SearchResult result = index.search(text, searched, limit);
        boolean answerable = result.language() != null && !result.hits().isEmpty()
                && result.hits().getFirst().score() >= thresholds.applyAsDouble(result.language());
        return new SearchResult(result.language(), answerable, result.hits());
    }

    public Optional<Language> detectLanguage(String text) {
        return detector.detect(text);
    }

    public List<ArticleProblem> problems() {
        return current.get().problems();
    }

    public int size() {
        return current.get().articles().size();
    }

    /** Every article being served, of every language, in no particular order. */
    public List<Article> articles() {
        return List.copyOf(current.get().articles().values());
    }

    public Optional<Article> article(Language language, ArticleId id) {
        return Optional.ofNullable(current.get().articles().get(language.tag() + "/" + id.value()));
    }

    public synchronized void reload() {
        Snapshot previous = current.get();
        Map<String, Article> articles = new HashMap<>();
        List<ArticleFiles.Entry> entries = files.read();
        for (ArticleFiles.Entry entry : entries) {
            entry.article().ifPresent(article -> articles.put(article.key(), article));
            entry.problem().ifPresent(problem -> {
                log.warn("Knowledge base: {}", problem);
                // Keep serving the last good version of an article whose file is now broken.
                Optional.ofNullable(previous).map(Snapshot::articles).stream()
                        .flatMap(old -> old.values().stream())
                        .filter(old -> problem.file().equals(old.key() + ".md"))
                        .findFirst()
                        .ifPresent(old -> articles.put(old.key(), old));
            });
        }
        List<ArticleProblem> problems = entries.stream().flatMap(entry -> entry.problem().stream()).toList();
        var changes = index.update(articles.values());
        current.set(new Snapshot(Map.copyOf(articles), problems));
        log.info("Knowledge base loaded: {} articles, {} problems, from {} ({} indexed anew, {} removed)",
                articles.size(), problems.size(), files.dir().toAbsolutePath().normalize(), changes.indexed(),
                changes.removed());
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
