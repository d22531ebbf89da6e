package io.dastyar.knowledge.article;

import java.util.List;
import java.util.Objects;

import io.dastyar.system.Language;

/**
 * One knowledge-base article in one language: the answer ({@code body}, Markdown) and the ways customers ask
 * for it ({@code title} and {@code questions}). {@code escalate} asks for a person to be offered after answering.
 */
public record Article(ArticleId id, Language language, String title, List<String> questions, List<String> tags,
               boolean escalate, String body) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        questions = List.copyOf(questions);
        tags = List.copyOf(tags);
    }

    /** Articles are identified by language and id together. */
    public String key() {
        return language.tag() + "/" + id.value();
    }
}
