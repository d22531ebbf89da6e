package io.dastyar.knowledge.search;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.Version;

import io.dastyar.knowledge.article.Article;
import io.dastyar.system.Language;

/**
 * How an article becomes Lucene documents, and how to read back which article a document belongs to. Each
 * article is one document (title, questions and body as fields) plus one per way of asking it, all sharing the
 * article's id, so one {@code updateDocuments} replaces them together.
 */
final class ArticleDocuments {

    static final String ID = "id";
    static final String QUESTION = "question";
    static final String TITLE = "title";
    static final String QUESTIONS = "questions";
    static final String BODY = "body";
    static final String TITLE_NGRAMS = "title_ngrams";
    static final String QUESTIONS_NGRAMS = "questions_ngrams";
    static final String QUESTION_NGRAMS = "question_ngrams";
    static final String VECTOR = "vector";
    /** The article's title as written, for showing hits; only on article documents. */
    private static final String TITLE_VALUE = "title_value";
    /** A hash of what was indexed, so a restart or reload re-indexes only articles that changed. */
    private static final String HASH = "hash";

    /**
     * Bump when documents change shape in a way the analysis probe below cannot see, so that indexes kept on
     * disk by an older version are rebuilt instead of searched wrongly.
     */
    private static final int SCHEMA = 1;
    private static final String PROBE = "The customers' orders were RETURNED twice: ۱۲۳ ١٢٣ می‌خواهم سفارش‌های "
            + "كتابي يک بالاستلام والطلبات Sifarişimi İade ILDIRIM ödəniş";

    private final boolean ngrams;

    ArticleDocuments(boolean ngrams) {
        this.ngrams = ngrams;
    }

    /** Every way of asking for the article, the title included; one question document and vector each. */
    static List<String> phrasings(Article article) {
        List<String> phrasings = new ArrayList<>(article.questions());
        phrasings.add(article.title());
        return phrasings;
    }

    /** The article's documents; {@code vectors}, one per phrasing, may be null when nothing ranks by meaning. */
    List<Document> of(Article article, List<float[]> vectors) {
        var documents = new ArrayList<Document>();
        documents.add(whole(article));
        List<String> phrasings = phrasings(article);
        for (int i = 0; i < phrasings.size(); i++) {
            documents.add(question(article, phrasings.get(i), vectors == null ? null : vectors.get(i)));
        }
        return documents;
    }

    private Document whole(Article article) {
        var document = new Document();
        identify(document, article);
        document.add(new BinaryDocValuesField(TITLE_VALUE, new BytesRef(article.title())));
        document.add(new BinaryDocValuesField(HASH, new BytesRef(hash(article))));
        document.add(new TextField(TITLE, article.title(), Field.Store.NO));
        for (String question : article.questions()) {
            document.add(new TextField(QUESTIONS, question, Field.Store.NO));
        }
        document.add(new TextField(BODY, article.body(), Field.Store.NO));
        if (ngrams) {
            document.add(new TextField(TITLE_NGRAMS, article.title(), Field.Store.NO));
            for (String question : article.questions()) {
                document.add(new TextField(QUESTIONS_NGRAMS, question, Field.Store.NO));
            }
        }
        return document;
    }

    // Each way of asking is a document of its own: a query close to one phrasing should not be diluted by the
    // article's other phrasings.
    private Document question(Article article, String question, float[] vector) {
        var document = new Document();
        identify(document, article);
        if (vector != null) {
            document.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        document.add(new TextField(QUESTION, question, Field.Store.NO));
        if (ngrams) {
            document.add(new TextField(QUESTION_NGRAMS, question, Field.Store.NO));
        }
        return document;
    }

    private static void identify(Document document, Article article) {
        document.add(new StringField(ID, article.id().value(), Field.Store.NO));
        document.add(new SortedDocValuesField(ID, new BytesRef(article.id().value())));
    }

    /** What an article's documents are made of; the tags and the escalate flag are not searched. */
    static String hash(Article article) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(article.title().getBytes(UTF_8));
            for (String question : article.questions()) {
                digest.update((byte) 0);
                digest.update(question.getBytes(UTF_8));
            }
            digest.update((byte) 1);
            digest.update(article.body().getBytes(UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What an index on disk must have been built with to be reused: this schema, the same Lucene, the same
     * analysis (probed, so a changed analyser is noticed without anyone remembering to bump the schema) and the
     * same model.
     */
    static String fingerprint(Language language, Analyzer words, Analyzer grams, String model) {
        var terms = new StringBuilder("schema ").append(SCHEMA).append("; lucene ").append(Version.LATEST)
                .append("; model ").append(model).append(';');
        for (Analyzer analyzer : grams == null ? List.of(words) : List.of(words, grams)) {
            try (var tokens = analyzer.tokenStream(BODY, PROBE)) {
                var term = tokens.addAttribute(CharTermAttribute.class);
                tokens.reset();
                while (tokens.incrementToken()) {
                    terms.append(' ').append(term);
                }
                tokens.end();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot probe the " + language + " analysis", e);
            }
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(terms.toString().getBytes(UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The hash of every article in the index, by article id. */
    static Map<String, String> hashes(IndexReader reader) throws IOException {
        return perArticle(reader, HASH);
    }

    /** The titles of the articles in the index, by article id. */
    static Map<String, String> titles(IndexReader reader) throws IOException {
        return perArticle(reader, TITLE_VALUE);
    }

    private static Map<String, String> perArticle(IndexReader reader, String field) throws IOException {
        var values = new HashMap<String, String>();
        for (LeafReaderContext leaf : reader.leaves()) {
            BinaryDocValues value = leaf.reader().getBinaryDocValues(field);
            SortedDocValues id = leaf.reader().getSortedDocValues(ID);
            var live = leaf.reader().getLiveDocs();
            if (value == null || id == null) {
                continue;
            }
            for (int doc = value.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = value.nextDoc()) {
                if ((live == null || live.get(doc)) && id.advanceExact(doc)) {
                    values.put(id.lookupOrd(id.ordValue()).utf8ToString(), value.binaryValue().utf8ToString());
                }
            }
        }
        return values;
    }

    /**
     * The article of each document, by document number across the whole reader: looked up once per reader,
     * because hits arrive in no particular order and doc-values iterators only move forward.
     */
    static String[] articleOfEachDoc(IndexReader reader) throws IOException {
        var ids = new String[reader.maxDoc()];
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues id = leaf.reader().getSortedDocValues(ID);
            if (id == null) {
                continue;
            }
            var values = new String[id.getValueCount()];
            for (int ord = 0; ord < values.length; ord++) {
                values[ord] = id.lookupOrd(ord).utf8ToString();
            }
            for (int doc = id.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = id.nextDoc()) {
                ids[leaf.docBase + doc] = values[id.ordValue()];
            }
        }
        return ids;
    }
}
