package io.dastyar.knowledge;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
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

/**
 * How long the knowledge base takes to be ready after a restart with 10,000 article files on disk: read,
 * parse and index them, by words alone and with a vector per question. "Warm" means the embedding cache already
 * holds every vector, so no model runs; the stand-in embedder here returns 384-dimensional vectors as cheaply
 * as the cache would. Each article holds ten of MASSIVE's English training utterances.
 * Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark=RestartBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RestartBenchmark {

    static final int ARTICLES = 10_000;

    @Param({"false", "true"})
    public boolean vectors;

    private KnowledgeProperties properties;

    /** Deterministic unit vectors, as fast as reading them from the cache. */
    static final class WarmCache implements SentenceEmbedder {
        @Override
        public String modelId() {
            return "warm";
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            return texts.stream().map(text -> {
                var random = new Random(text.hashCode());
                float[] vector = new float[384];
                double norm = 0;
                for (int i = 0; i < vector.length; i++) {
                    vector[i] = (float) random.nextGaussian();
                    norm += vector[i] * vector[i];
                }
                for (int i = 0; i < vector.length; i++) {
                    vector[i] /= (float) Math.sqrt(norm);
                }
                return vector;
            }).toList();
        }
    }

    @Setup(Level.Trial)
    public void writeArticles() throws IOException {
        var dataset = RetrievalEvaluation.load(Path.of(System.getProperty("datasets", "../shared/datasets")), "massive-en");
        List<RetrievalEvaluation.Example> utterances = dataset.train();
        Path dir = Files.createTempDirectory("kb-restart");
        Files.createDirectories(dir.resolve("en"));
        for (int i = 0; i < ARTICLES; i++) {
            var questions = new StringBuilder();
            for (int q = 0; q < 10; q++) {
                questions.append("  - \"").append(utterances.get((i * 10 + q) % utterances.size()).text().replace("\"", ""))
                        .append("\"\n");
            }
            Files.writeString(dir.resolve("en/article-" + i + ".md"), "---\ntitle: Article " + i + "\nquestions:\n"
                    + questions + "---\nAnswer number " + i + ".\n", UTF_8);
        }
        var defaults = KnowledgeProperties.defaults();
        properties = new KnowledgeProperties(dir, false, defaults.thresholds(), false, defaults.maxChoices(),
                defaults.choiceMargin(), defaults.k1(), defaults.b(), defaults.titleWeight(), defaults.questionsWeight(),
                defaults.bodyWeight(), defaults.ngramWeight(), defaults.phrasingWeight(), defaults.semantic());
    }

    @Benchmark
    public int restart() {
        return new KnowledgeBase(properties, vectors ? Optional.of(new WarmCache()) : Optional.empty()).size();
    }
}
