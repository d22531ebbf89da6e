package io.dastyar.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

import io.dastyar.system.Language;

/**
 * An immutable, in-memory Lucene index of one snapshot of the knowledge base: one index per language, one
 * document per article with its title, questions and body as separate fields (plus character n-grams of
 * title and questions for Persian and Arabic, whose spelling varies more than any stemmer can follow).
 * A reload builds a new instance and swaps it in, so searches never see a half-built index.
 */
final class ArticleIndex {

    static final String ID = "id";
    static final String TITLE = "title";
    static final String QUESTIONS = "questions";
    static final String BODY = "body";
    static final String TITLE_NGRAMS = "title_ngrams";
    static final String QUESTIONS_NGRAMS = "questions_ngrams";

    private final Map<Language, LanguageIndex> indexes = new EnumMap<>(Language.class);
    private final KnowledgeProperties settings;

    ArticleIndex(Collection<Article> articles, KnowledgeProperties settings) {
        this.settings = settings;
        for (Language language : Language.values()) {
            List<Article> ofLanguage = articles.stream().filter(a -> a.language() == language).toList();
            if (!ofLanguage.isEmpty()) {
                indexes.put(language, new LanguageIndex(language, ofLanguage, settings));
            }
        }
    }

    int size() {
        return indexes.values().stream().mapToInt(index -> index.articles).sum();
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
        boolean answerable = !top.isEmpty() && top.getFirst().score() >= settings.threshold();
        return new SearchResult(searched, answerable, top);
    }

    private record LanguageHit(Language language, Hit hit) {
    }

    /** The index of one language. */
    private static final class LanguageIndex {

        private final Language language;
        private final Analyzer analyzer;
        private final Analyzer ngrams;
        private final IndexSearcher searcher;
        private final KnowledgeProperties settings;
        private final int articles;

        LanguageIndex(Language language, List<Article> articles, KnowledgeProperties settings) {
            this.language = language;
            this.settings = settings;
            this.analyzer = LanguageAnalyzers.forLanguage(language);
            this.ngrams = usesNgrams(language) ? LanguageAnalyzers.ngrams(language) : null;
            this.articles = articles.size();
            var directory = new ByteBuffersDirectory();
            var perField = ngrams == null ? analyzer : new PerFieldAnalyzerWrapper(analyzer,
                    Map.of(TITLE_NGRAMS, ngrams, QUESTIONS_NGRAMS, ngrams));
            var config = new IndexWriterConfig(perField).setSimilarity(similarity(settings));
            try (var writer = new IndexWriter(directory, config)) {
                for (Article article : articles) {
                    writer.addDocument(document(article));
                }
                writer.commit();
                this.searcher = new IndexSearcher(DirectoryReader.open(directory));
                this.searcher.setSimilarity(similarity(settings));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot build the " + language + " index", e);
            }
        }

        private static boolean usesNgrams(Language language) {
            return language == Language.FA || language == Language.AR;
        }

        private static BM25Similarity similarity(KnowledgeProperties settings) {
            return new BM25Similarity((float) settings.k1(), (float) settings.b());
        }

        private Document document(Article article) {
            var document = new Document();
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

        List<Hit> search(String text, int limit) {
            var weights = new EnumMap<Weighted, Float>(Weighted.class);
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            double bound = 0;
            for (Weighted field : Weighted.values()) {
                if (field.ngrams && ngrams == null) {
                    continue;
                }
                float weight = (float) field.weight(settings);
                Query fieldQuery = new QueryBuilder(field.ngrams ? ngrams : analyzer).createBooleanQuery(field.name, text);
                if (fieldQuery == null || weight == 0) {
                    continue;
                }
                query.add(new BoostQuery(fieldQuery, weight), Occur.SHOULD);
                bound = Math.max(bound, weight * idfSum(fieldQuery));
                weights.put(field, weight);
            }
            if (weights.isEmpty()) {
                return List.of();
            }
            try {
                ScoreDoc[] top = searcher.search(query.build(), limit).scoreDocs;
                List<Hit> hits = new ArrayList<>(top.length);
                var stored = searcher.storedFields();
                for (ScoreDoc scoreDoc : top) {
                    Document document = stored.document(scoreDoc.doc);
                    double confidence = bound == 0 ? 0 : Math.min(1.0, scoreDoc.score / bound);
                    hits.add(new Hit(document.get(ID), document.get("title_stored"), confidence));
                }
                return hits;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The most a query can score in one field: BM25 never exceeds the idf of each matched term. */
        private double idfSum(Query query) {
            var terms = new ArrayList<Term>();
            query.visit(org.apache.lucene.search.QueryVisitor.termCollector(new java.util.HashSet<>(terms) {
                @Override
                public boolean add(Term term) {
                    return terms.add(term);
                }
            }));
            double sum = 0;
            long documents = searcher.getIndexReader().numDocs();
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
    }

    /** The fields a query searches, with the setting that weighs each. */
    private enum Weighted {
        TITLE_FIELD(TITLE, false),
        QUESTIONS_FIELD(QUESTIONS, false),
        BODY_FIELD(BODY, false),
        TITLE_NGRAMS_FIELD(TITLE_NGRAMS, true),
        QUESTIONS_NGRAMS_FIELD(QUESTIONS_NGRAMS, true);

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
                case TITLE_NGRAMS_FIELD, QUESTIONS_NGRAMS_FIELD -> settings.ngramWeight();
            };
        }
    }
}
