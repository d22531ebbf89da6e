package io.dastyar.knowledge.search;

import java.util.List;

import io.dastyar.system.Language;

/**
 * The answer to a search: the language searched, whether the best hit clears the confidence threshold, and
 * the hits in rank order. This is the JSON shape of {@code GET /api/kb/search}; external evaluation relies on it.
 */
public record SearchResult(Language language, boolean answerable, List<Hit> hits) {
}
