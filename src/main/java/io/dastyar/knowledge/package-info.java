/**
 * The self-service knowledge base: Markdown articles on disk, their Lucene index, retrieval in four
 * languages, and the admin pages that edit them. This package is the feature's API and wiring: the
 * conversation's {@code AnswerSource}, the listeners that log questions and verdicts, and the settings.
 * The work is done in sub-packages, internal to the feature:
 * <ul>
 * <li>{@code article}: an article, and reading and writing its Markdown file;</li>
 * <li>{@code analysis}: Lucene's analysis of each language, and guessing the language of a text;</li>
 * <li>{@code semantic}: the sentence-embedding model (LangChain4j, ONNX) and its cache on disk;</li>
 * <li>{@code search}: the knowledge base itself: its Lucene indexes, ranking, the Persian and Arabic
 * centroids and learned weights, and the confidence thresholds;</li>
 * <li>{@code web}: the public search endpoint;</li>
 * <li>{@code admin}: the admin pages: the article list, the editor, trying a question, unanswered questions.</li>
 * </ul>
 * Lucene stays in {@code search} and {@code analysis}, the embedding runtime in {@code semantic}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base", allowedDependencies = {"conversation", "conversation :: answer", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.knowledge;
