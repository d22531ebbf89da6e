package io.dastyar.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import io.dastyar.system.Language;

/**
 * The index of one language: one document per article (title, questions and body as fields) and one per
 * question, with character n-grams for Persian and Arabic and, where a model understands the language, a
 * vector per question for ranking by meaning.
 */
final class LanguageIndex {

    private static final String ID = "id";
    private static final String TITLE = "title";
    private static final String QUESTIONS = "questions";
    private static final String BODY = "body";
    private static final String TITLE_NGRAMS = "title_ngrams";
    private static final String QUESTIONS_NGRAMS = "questions_ngrams";
    private static final String KIND = "kind";
    private static final String QUESTION = "question";
    private static final String QUESTION_NGRAMS = "question_ngrams";
    private static final String VECTOR = "vector";
    /** How many articles each kind of lexical match considers before they are blended. */
    private static final int CANDIDATES = 40;
    /** How many nearest questions by meaning are considered; fewer cost accuracy on MASSIVE en-US. */
    private static final int NEIGHBOURS = 200;

    private final Language language;
    private final Analyzer analyzer;
    private final Analyzer ngrams;
    private final IndexSearcher searcher;
    private final KnowledgeProperties settings;
    private final Map<String, String> titles = new HashMap<>();
    /** The article of each Lucene document, read once: stored fields are compressed and slow to read per hit. */
    private final String[] articleOfDoc;
    private final Optional<SentenceEmbedder> embedder;

    LanguageIndex(Language language, List<Article> articles, KnowledgeProperties settings,
                  Optional<SentenceEmbedder> embedder) {
        this.embedder = embedder;
        this.language = language;
        this.settings = settings;
        this.analyzer = LanguageAnalyzers.forLanguage(language);
        this.ngrams = usesNgrams(language) ? LanguageAnalyzers.ngrams(language) : null;
        var directory = new ByteBuffersDirectory();
        var perField = ngrams == null ? analyzer : new PerFieldAnalyzerWrapper(analyzer,
                Map.of(TITLE_NGRAMS, ngrams, QUESTIONS_NGRAMS, ngrams, QUESTION_NGRAMS, ngrams));
        var config = new IndexWriterConfig(perField).setSimilarity(similarity(settings));
        try (var writer = new IndexWriter(directory, config)) {
            for (Article article : articles) {
                titles.put(article.id().value(), article.title());
                writer.addDocument(document(article));
                // Each way of asking is also a document of its own: a query close to one phrasing should
                // not be diluted by the article's other phrasings. The title is one more way of asking.
                List<String> phrasings = new ArrayList<>(article.questions());
                phrasings.add(article.title());
                List<float[]> vectors = embedder.map(e -> e.embedAll(phrasings)).orElse(null);
                for (int i = 0; i < phrasings.size(); i++) {
                    writer.addDocument(questionDocument(article, phrasings.get(i),
                            vectors == null ? null : vectors.get(i)));
                }
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
            this.searcher.setSimilarity(similarity(settings));
            this.articleOfDoc = articleOfEachDoc(searcher.getIndexReader());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot build the " + language + " index", e);
        }
    }

    private static String[] articleOfEachDoc(IndexReader reader) throws IOException {
        var ids = new String[reader.maxDoc()];
        StoredFields stored = reader.storedFields();
        for (int doc = 0; doc < ids.length; doc++) {
            ids[doc] = stored.document(doc, Set.of(ID)).get(ID);
        }
        return ids;
    }

    private static boolean usesNgrams(Language language) {
        return language == Language.FA || language == Language.AR;
    }

    private static BM25Similarity similarity(KnowledgeProperties settings) {
        return new BM25Similarity((float) settings.k1(), (float) settings.b());
    }

    private Document questionDocument(Article article, String question, float[] vector) {
        var document = new Document();
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        document.add(new StringField(KIND, QUESTION, Field.Store.NO));
        document.add(new StringField(ID, article.id().value(), Field.Store.YES));
        document.add(new TextField(QUESTION, question, Field.Store.NO));
        if (ngrams != null) {
            document.add(new TextField(QUESTION_NGRAMS, question, Field.Store.NO));
        }
        return document;
    }

    private Document document(Article article) {
        var document = new Document();
        document.add(new StringField(KIND, "article", Field.Store.NO));
        document.add(new StringField(ID, article.id().value(), Field.Store.YES));
        document.add(new StoredField("title_stored", article.title()));
        document.add(new TextField(TITLE, article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            document.add(new TextField(QUESTIONS, question, Field.Store.NO));
        }
        document.add(new TextField(BODY, article.body(), Field.Store.NO));
        if (ngrams != null) {
            document.add(new TextField(TITLE_NGRAMS, article.title(), Field.Store.NO));
            for (String question : article.questions()) {
                document.add(new TextField(QUESTIONS_NGRAMS, question, Field.Store.NO));
            }
        }
        return document;
    }

    /**
     * Ranks articles by a blend of confidences: how well the article as a whole matches the words, how well
     * its single closest question does, and, where a model understands the language, how close in meaning
     * its closest question is. A weighted sum, because in our trials it beat rank fusion.
     */
    List<Hit> search(String text, int limit) {
        int depth = Math.max(limit, CANDIDATES);
        Map<String, Double> whole = best(text, "article", Weighted.ARTICLE, depth);
        Map<String, Double> phrasing = best(text, QUESTION, Weighted.PHRASING, depth * 2);
        double blend = settings.phrasingWeight();
        double meaningWeight = embedder.isPresent() ? settings.semantic().weight() : 0;
        var scores = new HashMap<String, Double>();
        whole.forEach((id, score) -> scores.merge(id, (1 - meaningWeight) * (1 - blend) * score, Double::sum));
        phrasing.forEach((id, score) -> scores.merge(id, (1 - meaningWeight) * blend * score, Double::sum));
        if (meaningWeight > 0) {
            closestInMeaning(text, NEIGHBOURS).forEach((id, score) -> scores.merge(id, meaningWeight * score, Double::sum));
        }
        return scores.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(limit)
                .map(entry -> new Hit(entry.getKey(), titles.get(entry.getKey()), entry.getValue()))
                .toList();
    }

    /**
     * How close in meaning each nearby article is, from its two closest questions, as a confidence: cosine
     * similarity rescaled so that the model's typical similarity of unrelated texts ({@code floor}) counts
     * as nothing.
     */
    private Map<String, Double> closestInMeaning(String text, int depth) {
        float[] vector = embedder.orElseThrow().embedQuery(text);
        double floor = settings.semantic().floor();
        var closest = new HashMap<String, double[]>();
        try {
            // Only question documents have vectors, so no filter is needed (a filter would cost a pass over all).
            var query = new KnnFloatVectorQuery(VECTOR, vector, depth);
            for (ScoreDoc scoreDoc : searcher.search(query, depth).scoreDocs) {
                double cosine = 2 * scoreDoc.score - 1; // Lucene reports (1 + dot) / 2 for unit vectors
                double confidence = Math.max(0, (cosine - floor) / (1 - floor));
                String id = articleOfDoc[scoreDoc.doc];
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

    /** The best confidence per article among documents of one kind. */
    private Map<String, Double> best(String text, String kind, List<Weighted> fields, int depth) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(new TermQuery(new Term(KIND, kind)), Occur.FILTER);
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
            bound = Math.max(bound, weight * idfSum(field.name, fieldQuery));
            any = true;
        }
        var best = new HashMap<String, Double>();
        if (!any || bound == 0) {
            return best;
        }
        try {
            for (ScoreDoc scoreDoc : searcher.search(query.setMinimumNumberShouldMatch(1).build(), depth).scoreDocs) {
                best.merge(articleOfDoc[scoreDoc.doc], Math.min(1.0, scoreDoc.score / bound), Math::max);
            }
            return best;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The most a query can score in one field: BM25 never exceeds the idf of each matched term. */
    private double idfSum(String field, Query query) {
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
