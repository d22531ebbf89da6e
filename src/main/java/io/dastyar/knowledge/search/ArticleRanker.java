package io.dastyar.knowledge.search;

import static io.dastyar.knowledge.search.ArticleDocuments.BODY;
import static io.dastyar.knowledge.search.ArticleDocuments.QUESTION;
import static io.dastyar.knowledge.search.ArticleDocuments.QUESTIONS;
import static io.dastyar.knowledge.search.ArticleDocuments.QUESTIONS_NGRAMS;
import static io.dastyar.knowledge.search.ArticleDocuments.QUESTION_NGRAMS;
import static io.dastyar.knowledge.search.ArticleDocuments.TITLE;
import static io.dastyar.knowledge.search.ArticleDocuments.TITLE_NGRAMS;
import static io.dastyar.knowledge.search.ArticleDocuments.VECTOR;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.util.QueryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.semantic.SentenceEmbedder;

/**
 * Ranks the articles of one language for a question, on one point-in-time view of its index: by how well the
 * article as a whole matches the words, how well its single closest question does, and, where a model
 * understands the language, how close in meaning its closest questions are.
 */
final class ArticleRanker {

    /** How many articles each kind of lexical match considers before they are blended. */
    private static final int CANDIDATES = 40;
    /** How many nearest questions by meaning are considered; fewer cost accuracy on MASSIVE en-US. */
    private static final int NEIGHBOURS = 200;

    private static final Logger log = LoggerFactory.getLogger(ArticleRanker.class);

    private final Analyzer analyzer;
    private final Analyzer ngrams;
    private final KnowledgeProperties settings;
    private final Optional<SentenceEmbedder> embedder;

    /** {@code ngrams} is null for languages without an n-gram field. */
    ArticleRanker(Analyzer analyzer, Analyzer ngrams, KnowledgeProperties settings, Optional<SentenceEmbedder> embedder) {
        this.analyzer = analyzer;
        this.ngrams = ngrams;
        this.settings = settings;
        this.embedder = embedder;
    }

    /**
     * The articles best first, their confidences a weighted sum, because in our trials it beat rank fusion.
     * {@code centroids} is null for languages without n-grams.
     */
    List<Hit> rank(ArticleSearcher searcher, QuestionCentroids centroids, String text, int limit) {
        int depth = Math.max(limit, CANDIDATES);
        Map<String, Double> whole = best(searcher, text, Weighted.ARTICLE, depth);
        Map<String, Double> phrasing = best(searcher, text, Weighted.PHRASING, depth * 2);
        double blend = settings.phrasingWeight();
        double meaningWeight = embedder.isPresent() ? settings.semantic().weight() : 0;
        var scores = new HashMap<String, Double>();
        whole.forEach((id, score) -> scores.merge(id, (1 - meaningWeight) * (1 - blend) * score, Double::sum));
        phrasing.forEach((id, score) -> scores.merge(id, (1 - meaningWeight) * blend * score, Double::sum));
        if (centroids != null) {
            double centroidWeight = settings.centroidWeight();
            scores.replaceAll((id, score) -> (1 - centroidWeight) * score);
            // Only articles this view of the index holds: the centroids are swapped in just after it.
            centroids.similarity(text).forEach((id, score) -> {
                if (searcher.titleOf(id) != null) {
                    scores.merge(id, (1 - meaningWeight) * centroidWeight * score, Double::sum);
                }
            });
        }
        if (meaningWeight > 0) {
            closestInMeaning(searcher, text, NEIGHBOURS).forEach((id, score) -> scores.merge(id, meaningWeight * score, Double::sum));
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(entry -> new Hit(entry.getKey(), searcher.titleOf(entry.getKey()), entry.getValue()))
                .toList();
    }

    /**
     * How close in meaning each nearby article is, from its two closest questions, as a confidence: cosine
     * similarity rescaled so that the model's typical similarity of unrelated texts ({@code floor}) counts
     * as nothing.
     */
    private Map<String, Double> closestInMeaning(ArticleSearcher searcher, String text, int depth) {
        float[] vector;
        try {
            vector = embedder.orElseThrow().embedQuery(text);
        } catch (RuntimeException e) {
            // The words still rank: a question the model cannot take must not cost the customer an answer.
            log.warn("Cannot rank by meaning, only by words: {}", e.toString());
            return Map.of();
        }
        if (isZero(vector)) {
            return Map.of(); // nothing the model could read, so nothing is close in meaning
        }
        double floor = settings.semantic().floor();
        var closest = new HashMap<String, double[]>();
        try {
            // Only question documents have vectors, so no filter is needed (a filter would cost a pass over all).
            var query = new KnnFloatVectorQuery(VECTOR, vector, depth);
            for (ScoreDoc scoreDoc : searcher.search(query, depth).scoreDocs) {
                double cosine = 2 * scoreDoc.score - 1; // Lucene reports (1 + dot) / 2 for unit vectors
                double confidence = Math.max(0, (cosine - floor) / (1 - floor));
                String id = searcher.articleOf(scoreDoc.doc);
                // Hits arrive best first: keep each article's best and second best.
                double[] top = closest.computeIfAbsent(id, k -> new double[] {-1, 0});
                if (top[0] < 0) {
                    top[0] = confidence;
                } else if (top[1] == 0) {
                    top[1] = confidence;
                }
            }
            // Two close questions are stronger evidence than one: the runner-up counts too.
            double agreement = settings.semantic().agreement();
            var result = new HashMap<String, Double>();
            closest.forEach((id, top) -> result.put(id, (1 - agreement) * top[0] + agreement * top[1]));
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isZero(float[] vector) {
        for (float value : vector) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The best confidence per article among the documents that have these fields: articles as wholes, or their
     * single phrasings (each kind has fields of its own, so no filter is needed).
     */
    private Map<String, Double> best(ArticleSearcher searcher, String text, List<Weighted> fields, int depth) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        double bound = 0;
        boolean any = false;
        for (Weighted field : fields) {
            float weight = (float) field.weight(settings);
            if ((field.ngrams && ngrams == null) || weight == 0) {
                continue;
            }
            Query fieldQuery = new QueryBuilder(field.ngrams ? ngrams : analyzer).createBooleanQuery(field.name, text);
            if (fieldQuery == null) {
                continue;
            }
            query.add(new BoostQuery(fieldQuery, weight), Occur.SHOULD);
            bound = Math.max(bound, weight * idfSum(searcher, field.name, fieldQuery));
            any = true;
        }
        var best = new HashMap<String, Double>();
        if (!any || bound == 0) {
            return best;
        }
        try {
            // Counting hits only up to the depth lets Lucene skip documents that cannot make the top.
            var top = new TopScoreDocCollectorManager(depth, null, depth);
            for (ScoreDoc scoreDoc : searcher.search(query.setMinimumNumberShouldMatch(1).build(), top).scoreDocs) {
                best.merge(searcher.articleOf(scoreDoc.doc), Math.min(1.0, scoreDoc.score / bound), Math::max);
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most a query can score in one field: BM25 never exceeds the idf of each matched term. */
    private static double idfSum(ArticleSearcher searcher, String field, Query query) {
        var terms = new ArrayList<Term>();
        query.visit(QueryVisitor.termCollector(new HashSet<>(terms) {
            @Override
            public boolean add(Term term) {
                return terms.add(term);
            }
        }));
        double sum = 0;
        long documents;
        try {
            var statistics = searcher.collectionStatistics(field);
            documents = statistics == null ? 0 : statistics.docCount();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Term term : terms) {
            try {
                int frequency = searcher.getIndexReader().docFreq(term);
                sum += Math.log(1 + (documents - frequency + 0.5) / (frequency + 0.5));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sum;
    }

    /** The fields a query searches, with the setting that weighs each. */
    private enum Weighted {
        TITLE_FIELD(TITLE, false),
        QUESTIONS_FIELD(QUESTIONS, false),
        BODY_FIELD(BODY, false),
        TITLE_NGRAMS_FIELD(TITLE_NGRAMS, true),
        QUESTIONS_NGRAMS_FIELD(QUESTIONS_NGRAMS, true),
        QUESTION_FIELD(QUESTION, false),
        QUESTION_NGRAMS_FIELD(QUESTION_NGRAMS, true);

        static final List<Weighted> ARTICLE = List.of(TITLE_FIELD, QUESTIONS_FIELD, BODY_FIELD, TITLE_NGRAMS_FIELD,
                QUESTIONS_NGRAMS_FIELD);
        static final List<Weighted> PHRASING = List.of(QUESTION_FIELD, QUESTION_NGRAMS_FIELD);

        private final String name;
        private final boolean ngrams;

        Weighted(String name, boolean ngrams) {
            this.name = name;
            this.ngrams = ngrams;
        }

        double weight(KnowledgeProperties settings) {
            return switch (this) {
                case TITLE_FIELD -> settings.titleWeight();
                case QUESTIONS_FIELD -> settings.questionsWeight();
                case BODY_FIELD -> settings.bodyWeight();
                case QUESTION_FIELD -> 1.0;
                case TITLE_NGRAMS_FIELD, QUESTIONS_NGRAMS_FIELD, QUESTION_NGRAMS_FIELD -> settings.ngramWeight();
            };
        }
    }
}
