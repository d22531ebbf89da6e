/**
 * Articles as files: their Markdown with front matter, parsed and checked, with the problems a file can have.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge.article;
