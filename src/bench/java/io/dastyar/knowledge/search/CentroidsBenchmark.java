package io.dastyar.knowledge.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.lucene.analysis.Analyzer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.dastyar.knowledge.analysis.LanguageAnalyzers;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;

/**
 * The Persian and Arabic centroids on 10,000 Persian articles (ten of MASSIVE fa-IR's training utterances each):
 * building them at start, rebuilding them after one article changed, and scoring a question. The heap they keep
 * is printed once, at set-up. Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark=CentroidsBenchmark}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class CentroidsBenchmark {

    static final int ARTICLES = 10_000;

    static final List<Analyzer> ANALYZERS = List.of(LanguageAnalyzers.forLanguage(Language.FA),
            LanguageAnalyzers.ngrams(Language.FA), LanguageAnalyzers.wordPairs(Language.FA));
    private List<Article> articles;
    private List<String> questions;
    private QuestionCentroids built;
    private int edits;
    private int next;

    @Setup(Level.Trial)
    public void build() throws IOException {
        articles = persianArticles(ARTICLES);
        questions = IntentDatasets.load(datasets(), "massive-fa").validation().stream()
                .map(IntentDatasets.Example::text).toList();
        long before = retainedHeap();
        built = new QuestionCentroids(ANALYZERS).rebuilt(articles);
        System.out.printf("%nHeap kept by the centroids of %,d articles: %d MB%n", ARTICLES,
                (retainedHeap() - before) >> 20);
    }

    /** Articles of ten MASSIVE fa-IR training utterances each, taken in turn (and again, past the last). */
    static List<Article> persianArticles(int count) throws IOException {
        List<IntentDatasets.Example> utterances = IntentDatasets.load(datasets(), "massive-fa").train();
        var articles = new ArrayList<Article>();
        for (int i = 0; i < count; i++) {
            var texts = new ArrayList<String>();
            for (int q = 0; q < 10; q++) {
                texts.add(utterances.get((i * 10 + q) % utterances.size()).text());
            }
            articles.add(new Article(new ArticleId("a" + i), Language.FA, "مقاله " + i, texts, List.of(), false, "…"));
        }
        return articles;
    }

    private static Path datasets() {
        return Path.of(System.getProperty("datasets", "../shared/datasets"));
    }

    static long retainedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public QuestionCentroids buildAtStart() {
        return new QuestionCentroids(ANALYZERS).rebuilt(articles);
    }

    /** One article's questions changed; the others' analysis is reused. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    public QuestionCentroids rebuildAfterEdit() {
        var edited = new ArrayList<>(articles);
        edited.set(7, new Article(new ArticleId("a7"), Language.FA, "مقاله ۷", List.of("ویرایش شماره " + ++edits),
                List.of(), false, "…"));
        return built.rebuilt(edited);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    public Object similarity() {
        return built.similarity(questions.get(next++ % questions.size()));
    }
}
