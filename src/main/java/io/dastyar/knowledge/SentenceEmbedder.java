package io.dastyar.knowledge;

import java.util.List;

/** Turns text into a unit-length vector whose dot product with another is their similarity in meaning. */
interface SentenceEmbedder {

    /** Names the model, so vectors of different models never mix in the cache. */
    String modelId();

    List<float[]> embedAll(List<String> texts);

    /** A customer's question: embedded afresh every time, never kept. */
    default float[] embedQuery(String text) {
        return embedAll(List.of(text)).getFirst();
    }
}
