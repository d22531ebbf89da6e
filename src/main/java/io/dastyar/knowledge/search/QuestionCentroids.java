package io.dastyar.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import io.dastyar.knowledge.article.Article;

/**
 * Ranks articles by their questions, each question counting once: first by the cosine between a query and each
 * article's centroid, the mean of its questions' TF-IDF vectors over words, word pairs and character 3-grams (a
 * nearest-centroid classifier), then, once {@link #learn} has run, by weights learned from those questions
 * ({@link LearnedWeights}). BM25 over an article's questions taken as one text lets its longest questions
 * dominate; here a term's idf comes from how many articles use it, not how many questions. For Persian and
 * Arabic, where no model ranks by meaning, this score is blended with BM25 (see docs/retrieval-experiments.md).
 *
 * <p>Held in memory and rebuilt whenever the language's articles change, since every idf may change with them;
 * each article's questions are analysed once and kept as term numbers, so a rebuild analyses only the articles
 * that changed. The weights are kept inverted (term → articles, in arrays), so a query costs only the articles
 * that share a term with it.
 */
final class QuestionCentroids {

    /** A question as term numbers and how often each occurs in it. */
    private record Analysed(int[] terms, float[] counts) {
    }

    /** An article's questions as they were analysed, kept while they do not change. */
    private record Questions(List<String> texts, List<Analysed> analysed) {
    }

    private final List<Analyzer> analyzers;
    /** Term numbers, shared by every rebuild; queries read it while a rebuild may add to it. */
    private final Map<String, Integer> numbers;
    private final Map<String, Questions> questionsById;
    private final String[] articleIds;
    private final double[] idf;
    private final TermPostings[] postings;
    /** Null until {@link #learn} has run; scores come from the centroids until then. */
    private volatile LearnedWeights learned;

    /** No articles yet. Terms from each analyzer are kept apart: the word "کم" and the gram "کم" differ. */
    QuestionCentroids(List<Analyzer> analyzers) {
        this(List.copyOf(analyzers), new ConcurrentHashMap<>(), Map.of(), List.of());
    }

    private QuestionCentroids(List<Analyzer> analyzers, Map<String, Integer> numbers, Map<String, Questions> previous,
                              List<Article> articles) {
        this.analyzers = analyzers;
        this.numbers = numbers;
        this.questionsById = new HashMap<>();
        List<Article> withQuestions = articles.stream().filter(article -> !article.questions().isEmpty()).toList();
        this.articleIds = withQuestions.stream().map(article -> article.id().value()).toArray(String[]::new);
        for (Article article : withQuestions) {
            Questions known = previous.get(article.id().value());
            questionsById.put(article.id().value(), known != null && known.texts().equals(article.questions()) ? known
                    : new Questions(article.questions(), article.questions().stream().map(question -> analyse(question, true)).toList()));
        }
        int terms = numbers.size();
        this.idf = idf(withQuestions, terms);
        this.postings = new TermPostings[terms];
        double[] centroid = new double[terms];
        for (int article = 0; article < articleIds.length; article++) {
            var touched = new ArrayList<Integer>();
            for (Analysed question : questionsById.get(articleIds[article]).analysed()) {
                double[] weights = weighted(question);
                for (int i = 0; i < weights.length; i++) {
                    if (centroid[question.terms()[i]] == 0) {
                        touched.add(question.terms()[i]);
                    }
                    centroid[question.terms()[i]] += weights[i];
                }
            }
            double norm = Math.sqrt(touched.stream().mapToDouble(term -> centroid[term] * centroid[term]).sum());
            for (int term : touched) {
                if (postings[term] == null) {
                    postings[term] = new TermPostings();
                }
                postings[term].add(article, (float) (centroid[term] / norm));
                centroid[term] = 0;
            }
        }
    }

    /** The same analysis over these articles; only new or changed questions are analysed. */
    QuestionCentroids rebuilt(List<Article> articles) {
        // Terms of edited and deleted questions keep their numbers; once most numbers are dead, start afresh.
        long live = Arrays.stream(postings).filter(list -> list != null).count();
        if (numbers.size() > 2 * live + 10_000) {
            return new QuestionCentroids(analyzers, new ConcurrentHashMap<>(), Map.of(), articles);
        }
        return new QuestionCentroids(analyzers, numbers, questionsById, articles);
    }

    /** Smoothed so that a term every article uses still counts a little. */
    private double[] idf(List<Article> articles, int terms) {
        int[] articlesWith = new int[terms];
        int[] lastArticle = new int[terms];
        Arrays.fill(lastArticle, -1);
        for (int article = 0; article < articles.size(); article++) {
            for (Analysed question : questionsById.get(articles.get(article).id().value()).analysed()) {
                for (int term : question.terms()) {
                    if (lastArticle[term] != article) {
                        lastArticle[term] = article;
                        articlesWith[term]++;
                    }
                }
            }
        }
        double[] idf = new double[terms];
        for (int term = 0; term < terms; term++) {
            idf[term] = articlesWith[term] == 0 ? 0 : Math.log((1.0 + articles.size()) / (1.0 + articlesWith[term])) + 1;
        }
        return idf;
    }

    /**
     * How close (0-1) the text is to each article with questions that shares a term with it: by the learned
     * weights once {@link #learn} has run, else by the cosine to the article's centroid.
     */
    Map<String, Double> similarity(String text) {
        Analysed query = analyse(text, false);
        double[] weights = weighted(query);
        LearnedWeights model = learned;
        double[] scores = model != null ? model.scores(query.terms(), weights, articleIds.length)
                : TermPostings.dot(postings, query.terms(), weights, articleIds.length);
        var similarity = new HashMap<String, Double>();
        for (int article = 0; article < scores.length; article++) {
            if (scores[article] > 0) {
                similarity.put(articleIds[article], scores[article]);
            }
        }
        return similarity;
    }

    /** What {@link #learn} would cost, in weights visited; it grows with the square of the articles. */
    long learningCost(int epochs) {
        long perEpoch = 0;
        for (String id : articleIds) {
            for (Analysed question : questionsById.get(id).analysed()) {
                for (int term : question.terms()) {
                    perEpoch += postings[term] == null ? 0 : postings[term].size;
                }
            }
        }
        return epochs * perEpoch;
    }

    /**
     * Learns the articles' term weights from their questions; scores use them from then on.
     *
     * @throws java.util.concurrent.CancellationException when {@code cancelled} says they are no longer wanted
     */
    void learn(int epochs, BooleanSupplier cancelled) {
        learned = LearnedWeights.train(postings, articleIds.length, examples(), epochs, cancelled);
    }

    boolean hasLearned() {
        return learned != null;
    }

    /** Every question as a training example, the articles interleaved so that no article comes as one block. */
    private List<LearnedWeights.Example> examples() {
        var examples = new ArrayList<LearnedWeights.Example>();
        List<List<Analysed>> questions = Arrays.stream(articleIds).map(id -> questionsById.get(id).analysed()).toList();
        int most = questions.stream().mapToInt(List::size).max().orElse(0);
        for (int n = 0; n < most; n++) {
            for (int article = 0; article < articleIds.length; article++) {
                if (n < questions.get(article).size() && questions.get(article).get(n).terms().length > 0) {
                    Analysed question = questions.get(article).get(n);
                    examples.add(new LearnedWeights.Example(question.terms(), weighted(question), article));
                }
            }
        }
        return examples;
    }

    /**
     * The text's terms by number. A question being indexed numbers new terms; a query keeps only terms this
     * instance has an idf for, since a rebuild running alongside may number terms it does not know.
     */
    private Analysed analyse(String text, boolean numberNewTerms) {
        Map<String, Float> counts = termCounts(text);
        int[] terms = new int[counts.size()];
        float[] frequencies = new float[counts.size()];
        int kept = 0;
        for (var entry : counts.entrySet()) {
            Integer number = numberNewTerms ? numbers.computeIfAbsent(entry.getKey(), term -> numbers.size())
                    : numbers.get(entry.getKey());
            if (number != null && (numberNewTerms || number < idf.length && idf[number] > 0)) {
                terms[kept] = number;
                frequencies[kept++] = entry.getValue();
            }
        }
        return new Analysed(Arrays.copyOf(terms, kept), Arrays.copyOf(frequencies, kept));
    }

    private Map<String, Float> termCounts(String text) {
        var counts = new HashMap<String, Float>();
        for (int i = 0; i < analyzers.size(); i++) {
            String prefix = i + ":";
            try (TokenStream stream = analyzers.get(i).tokenStream("question", text)) {
                CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
                stream.reset();
                while (stream.incrementToken()) {
                    counts.merge(prefix + term, 1f, Float::sum);
                }
                stream.end();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return counts;
    }

    /** Sublinear tf times idf, as a unit vector, in the order of the question's terms. */
    private double[] weighted(Analysed question) {
        double[] weights = new double[question.terms().length];
        double norm = 0;
        for (int i = 0; i < weights.length; i++) {
            weights[i] = (1 + Math.log(question.counts()[i])) * idf[question.terms()[i]];
            norm += weights[i] * weights[i];
        }
        for (int i = 0; norm > 0 && i < weights.length; i++) {
            weights[i] /= Math.sqrt(norm);
        }
        return weights;
    }
}
