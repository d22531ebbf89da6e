/**
 * The Lucene index of the articles and ranking: words (BM25), meaning, and per-language learned weights. Lucene stays here and in analysis.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.search;
