package io.dastyar.knowledge.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import io.dastyar.knowledge.KnowledgeProperties;

/**
 * An ONNX sentence-embedding model running in-process: the bundled bge-small-en-v1.5 (quantised), or any
 * model and {@code tokenizer.json} from disk.
 */
final class OnnxSentenceEmbedder implements SentenceEmbedder {

    private final EmbeddingModel model;
    private final String modelId;

    private OnnxSentenceEmbedder(EmbeddingModel model, String modelId) {
        this.model = model;
        this.modelId = modelId;
    }

    static OnnxSentenceEmbedder bundled() {
        return new OnnxSentenceEmbedder(ConcurrentOnnxModel.bundled(), "bge-small-en-v1.5-q");
    }

    static OnnxSentenceEmbedder fromFiles(Path model, Path tokenizer, KnowledgeProperties.Pooling pooling) {
        return new OnnxSentenceEmbedder(ConcurrentOnnxModel.fromFiles(model, tokenizer, PoolingMode.valueOf(pooling.name())),
                model.getFileName().toString().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + version(model) + "-"
                        + pooling.name().toLowerCase());
    }

    /** The file's size and time, so that another model saved under the same name never reuses stored vectors. */
    private static String version(Path model) {
        try {
            return Long.toString(Files.size(model), 36) + "-"
                    + Long.toString(Files.getLastModifiedTime(model).toMillis(), 36);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the embedding model " + model, e);
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    /** A text the tokenizer reads nothing in gets a vector of zeros: the model would refuse it. */
    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> readable = texts.stream().filter(OnnxSentenceEmbedder::readable).map(TextSegment::from)
                .toList();
        Iterator<float[]> vectors = readable.isEmpty() ? Collections.emptyIterator()
                : model.embedAll(readable).content().stream().map(embedding -> unit(embedding.vector())).iterator();
        return texts.stream().map(text -> readable(text) ? vectors.next() : new float[model.dimension()]).toList();
    }

    /**
     * Whether the text has a character a BERT tokenizer keeps: it drops spaces, control and formatting characters
     * (zero-width space and joiners, direction marks, BOM, soft hyphen), non-spacing marks (accents, harakat),
     * private-use characters and U+FFFD, and a text of those alone leaves it nothing to embed.
     */
    static boolean readable(String text) {
        return text.codePoints().anyMatch(OnnxSentenceEmbedder::kept);
    }

    private static boolean kept(int character) {
        return switch (Character.getType(character)) {
            case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.PRIVATE_USE,
                 Character.SURROGATE -> false;
            default -> character != 0xFFFD;
        };
    }

    private static float[] unit(float[] vector) {
        double norm = 0;
        for (float value : vector) {
            norm += value * value;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = vector[i] * scale;
        }
        return unit;
    }
}
