package io.dastyar.knowledge;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import io.dastyar.system.Language;

/** The language and id in the address of an article's admin page; anything else is a page that does not exist. */
record ArticleRef(Language language, ArticleId id) {

    static ArticleRef of(String lang, String id) {
        Language language = Language.fromTag(lang).filter(l -> l.tag().equals(lang)).orElseThrow(ArticleRef::notFound);
        try {
            return new ArticleRef(language, new ArticleId(id));
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
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
