package io.dastyar.knowledge.admin;

import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;

/** The language and id in the address of an article's admin page; anything else is a page that does not exist. */
record ArticleRef(Language language, ArticleId id) {

    private static final Pattern ARTICLE_FILE = Pattern.compile("(en|fa|ar|az)/([^/]+)\\.md");

    /** The article these address parts name, if they name one. */
    static Optional<ArticleRef> parse(String lang, String id) {
        Optional<Language> language = Language.fromTag(lang).filter(l -> l.tag().equals(lang));
        if (language.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArticleRef(language.get(), new ArticleId(id)));
        } catch (IllegalArgumentException notAnArticleId) {
            return Optional.empty();
        }
    }

    /** The article of a knowledge-base file ({@code fa/track-order.md}); empty for one the editor cannot open. */
    static Optional<ArticleRef> ofFile(String file) {
        var match = ARTICLE_FILE.matcher(file);
        return match.matches() ? parse(match.group(1), match.group(2)) : Optional.empty();
    }

    /** The article a page's address names, or 404. */
    static ArticleRef of(String lang, String id) {
        return parse(lang, id).orElseThrow(ArticleRef::notFound);
    }

    /** As in the page's address and the knowledge-base folder: {@code fa/track-order}. */
    public String key() {
        return language.tag() + "/" + id.value();
    }

    public String file() {
        return key() + ".md";
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
