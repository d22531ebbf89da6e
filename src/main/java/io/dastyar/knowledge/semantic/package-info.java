/**
 * Ranking by meaning: sentence embeddings from an in-process ONNX model, and their cache. The embedding runtime never leaves this package.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.semantic;
