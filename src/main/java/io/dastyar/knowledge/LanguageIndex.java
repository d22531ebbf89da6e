package io.dastyar.knowledge;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

import io.dastyar.system.Language;

/**
 * The index of one language, kept up to date article by article: an update re-indexes only the articles whose
 * text changed and removes the ones that are gone, then swaps in a new view in one step, so searches never see
 * a half-updated index. With a folder on disk it outlives restarts (see {@link IndexStorage}).
 */
final class LanguageIndex implements Closeable {

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
    /** Persian and Arabic only, else null; rebuilt from all the language's articles on every update. */
    private volatile QuestionCentroids centroids;
    private final IndexWriter writer;
    /** Set once, at the end of construction; volatile because merge threads read it. */
    private volatile SearcherManager searchers;
    private volatile boolean closing;
    /** The hash of each article as indexed, by id; only {@link #update} changes it. */
    private Map<String, String> indexed;

    // Every distinct word and n-gram of a query is a clause, and Lucene's default of 1,024 is reached by about
    // 700 characters of Arabic with separate n-grams. Questions are cut to ArticleIndex.RANKED_LENGTH (1,000)
    // characters before ranking; 16,384 clauses leave room for 6,600 characters, whatever the script.
    static {
        IndexSearcher.setMaxClauseCount(Math.max(IndexSearcher.getMaxClauseCount(), 16_384));
    }

    /** {@code folder} is where the index is kept between restarts; null keeps it in memory only. */
    LanguageIndex(Language language, Path folder, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder) {
        this.language = language;
        this.embedder = embedder;
        Analyzer words = LanguageAnalyzers.forLanguage(language);
        Analyzer ngrams = usesNgrams(language) ? LanguageAnalyzers.ngrams(language) : null;
        this.documents = new ArticleDocuments(ngrams != null);
        this.ranker = new ArticleRanker(words, ngrams, settings, embedder);
        this.centroids = ngrams == null ? null : new QuestionCentroids(List.of(words, ngrams));
        var similarity = new BM25Similarity((float) settings.k1(), (float) settings.b());
        Analyzer perField = ngrams == null ? words : new PerFieldAnalyzerWrapper(words, Map.of(
                ArticleDocuments.TITLE_NGRAMS, ngrams, ArticleDocuments.QUESTIONS_NGRAMS, ngrams,
                ArticleDocuments.QUESTION_NGRAMS, ngrams));
        String fingerprint = ArticleDocuments.fingerprint(language, words, ngrams,
                embedder.map(SentenceEmbedder::modelId).orElse("none"));
        try {
            this.writer = IndexStorage.open(folder, language, fingerprint, () -> new IndexWriterConfig(perField)
                    .setSimilarity(similarity).setMergeScheduler(new RefreshingAfterMerges()));
            this.searchers = new SearcherManager(writer, ArticleSearcher.factory(similarity));
            var searcher = searchers.acquire();
            try {
                this.indexed = ArticleDocuments.hashes(searcher.getIndexReader());
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the " + language + " index", e);
        }
    }

    private static boolean usesNgrams(Language language) {
        return language == Language.FA || language == Language.AR;
    }

    /** Makes the index hold exactly these articles of its language. */
    synchronized Changes update(List<Article> articles) {
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
        if (centroids != null) {
            centroids = centroids.rebuilt(articles);
        }
        return new Changes(changed, removed);
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
            if (current != null && !closing) {
                current.maybeRefresh(); // the next update's commit (or closing) keeps the merge on disk
            }
        }
    }

    @Override
    public void close() throws IOException {
        closing = true; // merges still running need not refresh searchers nobody will use
        writer.close();
        searchers.close();
    }
}
