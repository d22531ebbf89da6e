package io.dastyar.knowledge.semantic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CachedEmbedderTest {

    @TempDir
    Path dir;

    /** A stand-in model that counts how often it is asked; vectors are derived from the text's length. */
    static final class CountingModel implements SentenceEmbedder {
        final AtomicInteger embedded = new AtomicInteger();

        @Override
        public String modelId() {
            return "counting";
        }

        @Override
        public List<float[]> embedAll(List<String> texts) {
            embedded.addAndGet(texts.size());
            return texts.stream().map(text -> new float[] {text.length(), 1, 2}).toList();
        }
    }

    @Test
    void aRestartEmbedsOnlyWhatIsNew() {
        var model = new CountingModel();
        new CachedEmbedder(model, dir).embedAll(List.of("where is my parcel", "refund"));
        assertThat(model.embedded).hasValue(2);

        var restarted = new CachedEmbedder(model, dir);
        List<float[]> vectors = restarted.embedAll(List.of("where is my parcel", "refund", "warranty"));
        assertThat(model.embedded).hasValue(3);
        assertThat(vectors.get(0)).containsExactly(18, 1, 2);
    }

    @Test
    void questionsAreNeverKept() {
        var model = new CountingModel();
        var cache = new CachedEmbedder(model, dir);
        cache.embedQuery("what a customer typed");
        assertThat(new CachedEmbedder(model, dir).size()).isZero();
    }

    @Test
    void aRecordCutShortByACrashIsDroppedAndTheLogStaysUsable() throws IOException {
        var model = new CountingModel();
        new CachedEmbedder(model, dir).embedAll(List.of("first", "second"));
        Path file = dir.resolve("counting.vectors");
        Files.write(file, new byte[] {0, 64, 'a', 'b'}, StandardOpenOption.APPEND); // half a record

        new CachedEmbedder(model, dir).embedAll(List.of("third"));
        var reloaded = new CachedEmbedder(model, dir);

        assertThat(reloaded.size()).isEqualTo(3);
        assertThat(reloaded.embedAll(List.of("third")).getFirst()).containsExactly(5, 1, 2);
        assertThat(model.embedded).hasValue(3);
    }
}
