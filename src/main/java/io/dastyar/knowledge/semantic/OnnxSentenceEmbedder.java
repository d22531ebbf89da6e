package io.dastyar.knowledge.semantic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(TextSegment::from).toList();
        return model.embedAll(segments).content().stream().map(embedding -> unit(embedding.vector())).toList();
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
