package io.dastyar.knowledge.search;

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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.util.FileSystemUtils;

import io.dastyar.knowledge.semantic.SentenceEmbedder;

/**
 * How long the knowledge base takes to be ready with 10,000 article files on disk, by words alone and with a
 * vector per question: after a restart with its index folder up to date ({@code warm}), after a restart with
 * an empty index folder ({@code cold}: read, parse and index everything, with every vector already in the
 * embedding cache), and how long a reload takes after one article was edited. The stand-in embedder returns
 * 384-dimensional vectors as cheaply as the cache would, so no model runs. Each article holds ten of MASSIVE's
 * English training utterances. Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark=RestartBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector") // as the service runs
public class RestartBenchmark {

    static final int ARTICLES = 10_000;

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

    /** 10,000 article files, and the settings to serve them with vectors or without. */
    @State(Scope.Benchmark)
    public static class KnowledgeBaseOnDisk {

        @Param({"false", "true"})
        public boolean vectors;

        Path articles;

        @Setup(Level.Trial)
        public void writeArticles() throws IOException {
            var dataset = IntentDatasets.load(Path.of(System.getProperty("datasets", "../shared/datasets")), "massive-en");
            List<IntentDatasets.Example> utterances = dataset.train();
            articles = Files.createTempDirectory("kb-restart");
            Files.createDirectories(articles.resolve("en"));
            for (int i = 0; i < ARTICLES; i++) {
                var questions = new StringBuilder();
                for (int q = 0; q < 10; q++) {
                    questions.append("  - \"").append(utterances.get((i * 10 + q) % utterances.size()).text().replace("\"", ""))
                            .append("\"\n");
                }
                Files.writeString(articles.resolve("en/article-" + i + ".md"), "---\ntitle: Article " + i + "\nquestions:\n"
                        + questions + "---\nAnswer number " + i + ".\n", UTF_8);
            }
        }

        KnowledgeBase open(Path index) {
            var properties = new ArticleFolder(articles).properties(false, index, true);
            return new KnowledgeBase(properties, vectors ? Optional.of(new WarmCache()) : Optional.empty());
        }
    }

    /** An index folder that is empty ({@code cold}) or already holds every article ({@code warm}). */
    @State(Scope.Benchmark)
    public static class IndexFolder {

        @Param({"warm", "cold"})
        public String start;

        Path folder;

        @Setup(Level.Trial)
        public void buildOnce(KnowledgeBaseOnDisk disk) throws Exception {
            if (start.equals("warm")) {
                folder = Files.createTempDirectory("kb-index");
                disk.open(folder).close();
            }
        }

        @Setup(Level.Iteration)
        public void emptyIfCold() throws IOException {
            if (start.equals("cold")) {
                folder = Files.createTempDirectory("kb-index");
            }
        }

        @TearDown(Level.Iteration)
        public void removeIfCold() throws IOException {
            if (start.equals("cold")) {
                FileSystemUtils.deleteRecursively(folder);
            }
        }

        @TearDown(Level.Trial)
        public void remove() throws IOException {
            FileSystemUtils.deleteRecursively(folder);
        }
    }

    /** A running knowledge base, and one of its files about to be edited. */
    @State(Scope.Benchmark)
    public static class Running {

        KnowledgeBase knowledgeBase;
        private int edits;

        @Setup(Level.Trial)
        public void start(KnowledgeBaseOnDisk disk) throws IOException {
            knowledgeBase = disk.open(Files.createTempDirectory("kb-index"));
        }

        @Setup(Level.Invocation)
        public void edit(KnowledgeBaseOnDisk disk) throws IOException {
            edits++;
            Files.writeString(disk.articles.resolve("en/article-7.md"), "---\ntitle: Article seven, edit " + edits
                    + "\nquestions:\n  - \"is edit " + edits + " searchable yet\"\n---\nEdited " + edits + " times.\n", UTF_8);
        }

        @TearDown(Level.Trial)
        public void stop() throws Exception {
            knowledgeBase.close();
        }
    }

    @Benchmark
    public int restart(KnowledgeBaseOnDisk disk, IndexFolder index) throws Exception {
        try (KnowledgeBase knowledgeBase = disk.open(index.folder)) {
            return knowledgeBase.size();
        }
    }

    /** Reads every file again, as the watcher does after a change, and re-indexes the one that changed. */
    @Benchmark
    public int reloadAfterEdit(Running running) {
        running.knowledgeBase.reload();
        return running.knowledgeBase.size();
    }
}
