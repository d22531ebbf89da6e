package io.dastyar.knowledge.search;

/** One search result. {@code score} is a confidence between 0 and 1, comparable across queries. */
public record Hit(String id, String title, double score) {
}
