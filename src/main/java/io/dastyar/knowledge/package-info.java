/**
 * The self-service knowledge base: Markdown articles on disk, their Lucene index, retrieval in four
 * languages, and the admin pages that edit them. Lucene never leaves this package.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base", allowedDependencies = {"conversation", "conversation :: answer", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge;
