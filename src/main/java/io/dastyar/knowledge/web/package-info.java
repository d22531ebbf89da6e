/**
 * The public search API, {@code GET /api/kb/search}.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.web;
