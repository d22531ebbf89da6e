package io.dastyar.knowledge.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeScheduler.MergeSource;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.analysis.LanguageAnalyzers;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * The index of one language, kept up to date article by article: an update re-indexes only the articles whose
 * text changed and removes the ones that are gone, then swaps in a new view in one step, so searches never see
 * a half-updated index. With a folder on disk it outlives restarts (see {@link IndexStorage}).
 */
final class LanguageIndex implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(LanguageIndex.class);

    /** What an update did, for the log. */
    record Changes(int indexed, int removed) {
        Changes plus(Changes other) {
            return new Changes(indexed + other.indexed, removed + other.removed);
        }
    }

    private final Language language;
    private final ArticleDocuments documents;
    private final Optional<SentenceEmbedder> embedder;
    private final ArticleRanker ranker;
    /** Persian and Arabic only, else null; rebuilt from all the language's articles whenever they change. */
    private volatile QuestionCentroids centroids;
    private boolean centroidsBuilt;
    private final int learningEpochs;
    /**
     * Learning costing more than this is not done: it grows with the square of the articles, and this much takes
     * about 20 s of one core, for 3,000 Persian articles (10,000 would take minutes after every edit). Larger
     * knowledge bases are ranked by the centroids.
     */
    static final long MAX_LEARNING_COST = 6_000_000_000L;
    /** Learning that costs more than this (see {@link QuestionCentroids#learningCost}) runs in the background. */
    private final long inlineLearningCost;
    /** One thread that learns the latest centroids' weights, for Persian and Arabic; else null. */
    private final ExecutorService learning;
    private final IndexWriter writer;
    /** Set once, at the end of construction; volatile because merge threads read it. */
    private volatile SearcherManager searchers;
    private volatile boolean closing;
    /** False while an update is applied (or after one failed halfway): what the writer holds then is not for searching. */
    private volatile boolean consistent = true;
    /** The hash of each article as indexed and searchable, by id; only {@link #update} changes it. */
    private Map<String, String> indexed;

    // Every distinct word and n-gram of a query is a clause, and Lucene's default of 1,024 is reached by about
    // 700 characters of Arabic with separate n-grams. Questions are cut to ArticleIndex.RANKED_LENGTH (1,000)
    // characters before ranking; 16,384 clauses leave room for 6,600 characters, whatever the script.
    static {
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16_384));
    }

    /**
     * {@code folder} is where the index is kept between restarts; null keeps it in memory only. Learning the
     * question weights is done within an update when it costs at most {@code inlineLearningCost}, else after it,
     * in the background.
     */
    LanguageIndex(Language language, Path folder, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder,
                  long inlineLearningCost) {
        this.language = language;
        this.embedder = embedder;
        Analyzer words = LanguageAnalyzers.forLanguage(language);
        Analyzer ngrams = usesNgrams(language) ? LanguageAnalyzers.ngrams(language) : null;
        this.documents = new ArticleDocuments(ngrams != null);
        this.ranker = new ArticleRanker(words, ngrams, settings, embedder);
        this.centroids = ngrams == null ? null
                : new QuestionCentroids(List.of(words, ngrams, LanguageAnalyzers.wordPairs(language)));
        this.learningEpochs = settings.learningEpochs();
        this.inlineLearningCost = inlineLearningCost;
        this.learning = ngrams == null || learningEpochs == 0 ? null : Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("learning-" + language.tag()).factory());
        var similarity = new BM25Similarity((float) settings.k1(), (float) settings.b());
        Analyzer perField = ngrams == null ? words : new PerFieldAnalyzerWrapper(words, Map.of(
                ArticleDocuments.TITLE_NGRAMS, ngrams, ArticleDocuments.QUESTIONS_NGRAMS, ngrams,
                ArticleDocuments.QUESTION_NGRAMS, ngrams));
        String fingerprint = ArticleDocuments.fingerprint(language, words, ngrams,
                embedder.map(SentenceEmbedder::modelId).orElse("none"));
        Supplier<IndexWriterConfig> config = () -> new IndexWriterConfig(perField).setSimilarity(similarity)
                .setMergeScheduler(new RefreshingAfterMerges());
        try {
            IndexWriter opened = IndexStorage.open(folder, language, fingerprint, config, false);
            try {
                this.indexed = openSearchers(opened, similarity);
            } catch (IOException | RuntimeException damaged) {
                // Opened, but a file cannot be read (IndexStorage catches what the writer itself reads).
                log.warn("The {} index cannot be read ({}); building it anew", language, damaged.toString());
                opened.rollback();
                opened = IndexStorage.open(folder, language, fingerprint, config, true);
                this.indexed = openSearchers(opened, similarity);
            }
            this.writer = opened;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + language + " index", e);
        }
    }

    /** Opens the searchers on the writer and returns the hash of every article indexed. */
    private Map<String, String> openSearchers(IndexWriter writer, Similarity similarity) throws IOException {
        var manager = new SearcherManager(writer, ArticleSearcher.factory(similarity));
        try {
            var searcher = manager.acquire();
            try {
                Map<String, String> hashes = ArticleDocuments.hashes(searcher.getIndexReader());
                this.searchers = manager;
                return hashes;
            } finally {
                manager.release(searcher);
            }
        } catch (IOException | RuntimeException e) {
            IOUtils.closeWhileHandlingException(manager);
            throw e;
        }
    }

    private static boolean usesNgrams(Language language) {
        return language == Language.FA || language == Language.AR;
    }

    /** Makes the index hold exactly these articles of its language. */
    synchronized Changes update(List<Article> articles) {
        consistent = false;
        var wanted = new HashMap<String, String>();
        int changed = 0;
        int removed = 0;
        try {
            for (Article article : articles) {
                String id = article.id().value();
                String hash = ArticleDocuments.hash(article);
                wanted.put(id, hash);
                if (!hash.equals(indexed.get(id))) {
                    List<float[]> vectors = embedder.map(e -> e.embedAll(ArticleDocuments.phrasings(article))).orElse(null);
                    writer.updateDocuments(new Term(ArticleDocuments.ID, id), documents.of(article, vectors));
                    changed++;
                }
            }
            for (String id : indexed.keySet()) {
                if (!wanted.containsKey(id)) {
                    writer.deleteDocuments(new Term(ArticleDocuments.ID, id));
                    removed++;
                }
            }
            if (writer.hasUncommittedChanges()) {
                writer.commit();
                searchers.maybeRefreshBlocking();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot update the " + language + " index", e);
        }
        indexed = wanted;
        consistent = true;
        // A reload for another language's edit changes nothing here; the first update always builds them.
        if (centroids != null && (changed + removed > 0 || !centroidsBuilt)) {
            QuestionCentroids rebuilt = centroids.rebuilt(articles);
            centroids = rebuilt;
            centroidsBuilt = true;
            learn(rebuilt);
        }
        return new Changes(changed, removed);
    }

    /**
     * Learns the question weights of these centroids, inline when that is quick. Otherwise the centroids rank
     * until the weights are ready (scoring lower, so the bot errs towards offering a person); a later update
     * cancels the learning for centroids it has replaced.
     */
    private void learn(QuestionCentroids rebuilt) {
        if (learning == null) {
            return;
        }
        long cost = rebuilt.learningCost(learningEpochs);
        if (cost > MAX_LEARNING_COST) {
            log.info("Too many {} articles to learn their question weights in good time; the centroids rank", language);
            return;
        }
        if (cost <= inlineLearningCost) {
            rebuilt.learn(learningEpochs, () -> false);
            return;
        }
        learning.execute(() -> {
            try {
                long start = System.nanoTime();
                rebuilt.learn(learningEpochs, () -> centroids != rebuilt || closing);
                log.info("Learned the {} question weights in {} ms", language, (System.nanoTime() - start) / 1_000_000);
            } catch (CancellationException superseded) {
                // A newer update's learning follows in this same thread.
            } catch (RuntimeException e) {
                log.warn("Could not learn the {} question weights; the centroids keep ranking", language, e);
            }
        });
    }

    List<Hit> search(String text, int limit) {
        try {
            var searcher = (ArticleSearcher) searchers.acquire();
            try {
                return ranker.rank(searcher, centroids, text, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Merges run in the background after an update has already been made searchable; searching the merged
     * segment as soon as it is ready saves a search per segment (a large first build flushes many).
     */
    private final class RefreshingAfterMerges extends ConcurrentMergeScheduler {
        @Override
        protected void doMerge(MergeSource source, MergePolicy.OneMerge merge) throws IOException {
            super.doMerge(source, merge);
            SearcherManager current = searchers;
            if (current != null && consistent && !closing) {
                current.maybeRefresh(); // the next update's commit (or closing) keeps the merge on disk
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing = true; // merges still running need not refresh searchers nobody will use, nor learning finish
        if (learning != null) {
            learning.shutdownNow();
        }
        IOUtils.close(writer, searchers, writer.getDirectory());
    }

    /** After a disk error Lucene closes the writer for good; only opening the index again recovers. */
    boolean isBroken() {
        return !writer.isOpen() || writer.getTragicException() != null;
    }
}
