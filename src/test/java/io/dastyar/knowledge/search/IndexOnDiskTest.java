package io.dastyar.knowledge.search;

import static io.dastyar.knowledge.search.ArticleFolder.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * The index kept on disk: a restart re-indexes only what changed while the service was down, and an index that
 * cannot be trusted (other model, damaged files, held by another process) is never searched as it is.
 */
class IndexOnDiskTest {

    @TempDir
    Path articles;

    @TempDir
    Path index;

    /**
     * A "model" that records every text it is asked to embed. Each distinct text gets an axis of its own, so a
     * question means exactly what the same phrasing in any letter case means and nothing else: ranking stays predictable.
     */
    static final class CountingModel implements SentenceEmbedder {
        private static final Map<String, Integer> AXES = new ConcurrentHashMap<>();
        final String id;
        final List<String> embedded = new ArrayList<>();

        CountingModel(String id) {
            this.id = id;
        }

        @Override
        public String modelId() {
            return id;
        }

        @Override
        public synchronized List<float[]> embedAll(List<String> texts) {
            embedded.addAll(texts);
            return texts.stream().map(CountingModel::vector).toList();
        }

        @Override
        public float[] embedQuery(String text) {
            return vector(text);
        }

        private static float[] vector(String text) {
            float[] vector = new float[256];
            vector[AXES.computeIfAbsent(text.toLowerCase(Locale.ROOT), t -> AXES.size() % vector.length)] = 1;
            return vector;
        }
    }

    @Test
    void aRestartReindexesOnlyWhatChangedWhileTheServiceWasDown() throws Exception {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        write("en/warranty.md", article("What does the warranty cover?", "Twelve months on electronics."));
        write("en/payment.md", article("Which payment methods do you accept?", "Cards and bank transfer."));
        var model = new CountingModel("m1");
        open(model).close();
        assertThat(model.embedded).hasSize(6); // a question and the title, for each of three articles

        write("en/warranty.md", article("What does the warranty cover?", "Twenty-four months on electronics."));
        Files.delete(articles.resolve("en/payment.md"));
        write("en/delivery.md", article("How long does delivery take?", "A few working days."));
        model.embedded.clear();
        try (KnowledgeBase restarted = open(model)) {
            // The warranty's questions did not change, but its answer did: it is indexed again, with the new one.
            assertThat(model.embedded).containsExactlyInAnyOrder("what does the warranty cover?",
                    "What does the warranty cover?", "how long does delivery take?", "How long does delivery take?");
            assertThat(ids(restarted, "how long does delivery take")).first().isEqualTo("delivery");
            assertThat(ids(restarted, "twenty-four months")).containsExactly("warranty");
            assertThat(ids(restarted, "payment methods")).doesNotContain("payment");
            assertThat(ids(restarted, "return an item")).first().isEqualTo("returns");
            // Ranked by meaning from the vectors kept on disk: an exact phrasing, no shared word needed.
            assertThat(restarted.search("how do i return an item?", Optional.of(Language.EN), 1).hits())
                    .singleElement().satisfies(hit -> {
                        assertThat(hit.id()).isEqualTo("returns");
                        assertThat(hit.score()).isGreaterThan(0.7); // words alone weigh 0.3 at most
                    });
        }
    }

    @Test
    void aRestartWithNothingChangedRanksPersianExactlyAsBefore() throws Exception {
        write("fa/track.md", article("سفارشم کجاست؟", "از بخش سفارش‌های من پیگیری کنید."));
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        double before;
        try (KnowledgeBase first = open(new CountingModel("m1"))) {
            before = first.search("سفارشم کجاست", Optional.of(Language.FA), 1).hits().getFirst().score();
        }

        try (KnowledgeBase restarted = open(new CountingModel("m1"))) {
            // Nothing to re-index, yet the centroids, kept in memory only, must be there again.
            assertThat(restarted.search("سفارشم کجاست", Optional.of(Language.FA), 1).hits().getFirst().score())
                    .isEqualTo(before);
        }
    }

    @Test
    void anIndexBuiltWithAnotherModelIsBuiltAnew() throws Exception {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        open(new CountingModel("m1")).close();

        var other = new CountingModel("m2");
        try (KnowledgeBase restarted = open(other)) {
            assertThat(other.embedded).hasSize(2);
            assertThat(ids(restarted, "return an item")).containsExactly("returns");
        }
    }

    /**
     * The commit point itself unreadable ({@code segments_N}), or readable while a file it points to was cut short
     * ({@code .cfs}: a full disk, a half-copied volume).
     */
    @ParameterizedTest
    @ValueSource(strings = {"segments_", ".cfs"})
    void aDamagedIndexIsBuiltAnew(String damagedFile) throws Exception {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        open(new CountingModel("m1")).close();
        try (Stream<Path> files = Files.list(index.resolve("en"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().contains(damagedFile)).toList()) {
                Files.write(file, Arrays.copyOf(Files.readAllBytes(file), (int) Files.size(file) / 2));
            }
        }

        var model = new CountingModel("m1");
        try (KnowledgeBase restarted = open(model)) {
            assertThat(model.embedded).hasSize(2);
            assertThat(ids(restarted, "return an item")).containsExactly("returns");
        }
    }

    @Test
    void theFolderKeepsFilesThatAreNotTheIndexs() throws Exception {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        Files.createDirectories(index.resolve("en"));
        Files.writeString(index.resolve("en/README.txt"), "not Lucene's");

        open(new CountingModel("m1")).close();

        assertThat(index.resolve("en/README.txt")).hasContent("not Lucene's");
    }

    @Test
    void aSecondInstanceOnTheSameFolderKeepsItsIndexInMemory() throws Exception {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        try (KnowledgeBase first = open(new CountingModel("m1")); KnowledgeBase second = open(new CountingModel("m1"))) {
            write("en/warranty.md", article("What does the warranty cover?", "Twelve months on electronics."));
            second.reload();

            assertThat(ids(second, "warranty cover")).containsExactly("warranty");
            assertThat(ids(first, "warranty cover")).isEmpty();
            assertThat(ids(first, "return an item")).containsExactly("returns");
        }
    }

    private KnowledgeBase open(SentenceEmbedder model) {
        var properties = new ArticleFolder(articles).properties(false, index, true);
        return new KnowledgeBase(properties, Optional.of(model));
    }

    /** The articles that match at all, best first. */
    private static List<String> ids(KnowledgeBase knowledgeBase, String question) {
        return knowledgeBase.search(question, Optional.of(Language.EN), 5).hits().stream()
                .filter(hit -> hit.score() > 0).map(Hit::id).toList();
    }

    private void write(String file, String content) throws IOException {
        new ArticleFolder(articles).write(file, content);
    }
}
