package io.dastyar.knowledge.semantic;

import java.util.List;
import java.util.Optional;

import io.dastyar.knowledge.KnowledgeProperties;

/**
 * Turns text into a unit-length vector whose dot product with another is their similarity in meaning. A text in
 * which the model reads nothing (only spaces or invisible characters) gets a vector of zeros, similar to nothing.
 */
public interface SentenceEmbedder {

    /**
     * The model {@code support.knowledge-base.semantic.*} asks for, with its vectors cached on disk; none when
     * ranking by meaning is switched off.
     */
    static Optional<SentenceEmbedder> configured(KnowledgeProperties.Semantic semantic) {
        if (!semantic.enabled()) {
            return Optional.empty();
        }
        SentenceEmbedder model = semantic.model() == null
                ? OnnxSentenceEmbedder.bundled()
                : OnnxSentenceEmbedder.fromFiles(semantic.model(), semantic.tokenizer(), semantic.pooling());
        return Optional.of(new CachedEmbedder(model, semantic.cache()));
    }

    /** Names the model, so vectors of different models never mix in the cache. */
    String modelId();

    List<float[]> embedAll(List<String> texts);

    /** A customer's question: embedded afresh every time, never kept. */
    default float[] embedQuery(String text) {
        return embedAll(List.of(text)).getFirst();
    }
}
