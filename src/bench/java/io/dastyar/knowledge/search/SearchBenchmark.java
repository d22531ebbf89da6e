package io.dastyar.knowledge.search;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

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

import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * Search latency on a knowledge base of 1,000 English articles, by words alone and with ranking by meaning.
 * The articles are CLINC150's training utterances cut into groups of ten (each intent gives several
 * articles); the questions are its validation utterances. Sample mode reports percentiles, p99 among them.
 * Run with {@code ./mvnw -Pbenchmark verify -Dbenchmark=SearchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector") // as the service runs
public class SearchBenchmark {

    static final int ARTICLES = 1_000;

    @Param({"false", "true"})
    public boolean semantic;

    private ArticleIndex index;
    private Path folder;
    private List<String> questions;
    private int next;

    @Setup(Level.Trial)
    public void buildIndex() throws IOException {
        var dataset = IntentDatasets.load(Path.of(System.getProperty("datasets", "../shared/datasets")), "clinc150");
        Map<String, List<String>> byIntent = dataset.train().stream().collect(Collectors.groupingBy(
                IntentDatasets.Example::intent, LinkedHashMap::new,
                Collectors.mapping(IntentDatasets.Example::text, Collectors.toList())));
        var articles = new ArrayList<Article>();
        for (int group = 0; articles.size() < ARTICLES; group++) {
            for (var intent : byIntent.entrySet()) {
                List<String> utterances = intent.getValue();
                int from = group * 10;
                if (from + 10 <= utterances.size() && articles.size() < ARTICLES) {
                    articles.add(new Article(new ArticleId("a" + articles.size()), Language.EN,
                            intent.getKey().replace('_', ' '), utterances.subList(from, from + 10), List.of(), false,
                            String.join(" ", utterances.subList(from, from + 3))));
                }
            }
        }
        var settings = KnowledgeSettings.bind(Map.of("semantic.cache", "target/embeddings"));
        Optional<SentenceEmbedder> embedder = semantic ? SentenceEmbedder.configured(settings.semantic())
                : Optional.empty();
        // In a folder, as the service keeps it (memory-mapped); an in-memory index reads slower.
        folder = Files.createTempDirectory("kb-search");
        index = new ArticleIndex(folder, settings, embedder);
        index.update(articles);
        questions = dataset.validation().stream().map(IntentDatasets.Example::text).toList();
    }

    @TearDown(Level.Trial)
    public void removeIndex() throws IOException {
        index.close();
        FileSystemUtils.deleteRecursively(folder);
    }

    @Benchmark
    public SearchResult search() {
        String question = questions.get(next++ % questions.size());
        return index.search(question, Optional.of(Language.EN), 10);
    }
}
