package io.dastyar.archfixture;

import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;

/** A deliberate violation for ModularityTest: embedding-runtime types outside the knowledge base's semantic package. */
public class LeakyEmbeddingUser {

    Embedding embedding;
    OrtSession session;
}
