/**
 * Language analysis for Lucene (en, fa, ar, az) and language detection.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.analysis;
