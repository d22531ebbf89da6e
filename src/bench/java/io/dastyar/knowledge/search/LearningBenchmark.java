package io.dastyar.knowledge.search;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.article.Article;

/**
 * Learning the Persian question weights ({@link LearnedWeights}) after a change, once per knowledge-base size,
 * on the articles of {@link CentroidsBenchmark}; the cost it reports decides between inline, background and not
 * at all ({@link LanguageIndex}). The heap the weights add is printed at set-up. Run with
 * {@code ./mvnw -Pbenchmark verify -Dbenchmark=LearningBenchmark}.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@BenchmarkMode(Mode.SingleShotTime)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class LearningBenchmark {

    private static final int EPOCHS = KnowledgeSettings.defaults().learningEpochs();

    @Param({"250", "1000", "3000"})
    public int articleCount;

    private QuestionCentroids built;

    @Setup(Level.Trial)
    public void build() throws IOException {
        List<Article> articles = CentroidsBenchmark.persianArticles(articleCount);
        built = new QuestionCentroids(CentroidsBenchmark.ANALYZERS).rebuilt(articles);
        long before = CentroidsBenchmark.retainedHeap();
        built.learn(EPOCHS, () -> false);
        System.out.printf("%n%,d articles: learning costs %,d weights visited; the learned weights keep %d MB of heap%n",
                articleCount, built.learningCost(EPOCHS), (CentroidsBenchmark.retainedHeap() - before) >> 20);
    }

    @Benchmark
    public QuestionCentroids learn() {
        built.learn(EPOCHS, () -> false);
        return built;
    }
}
