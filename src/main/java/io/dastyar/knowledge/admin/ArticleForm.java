package io.dastyar.knowledge.admin;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin fills in to write an article, as typed: questions one per line, tags separated by commas.
 * {@code version} identifies the file the editor was opened on, so a save never overwrites an edit made since.
 */
record ArticleForm(
        @Pattern(regexp = "en|fa|ar|az", message = "choose en, fa, ar or az") String language,
        @Pattern(regexp = ArticleId.PATTERN,
                message = "1-100 lower-case letters, digits, '-' or '_', starting with a letter or digit") String id,
        @NotBlank(message = "Enter a title") @Size(max = 500, message = "must be at most 500 characters") String title,
        @Size(max = 20_000, message = "must be at most 20,000 characters") String questions,
        @Size(max = 1_000, message = "must be at most 1,000 characters") String tags,
        boolean escalate,
        @NotBlank(message = "Write the answer") @Size(max = 100_000, message = "must be at most 100,000 characters") String body,
        String version) {

    ArticleForm {
        language = orEmpty(language);
        id = orEmpty(id).strip();
        title = orEmpty(title);
        questions = orEmpty(questions);
        tags = orEmpty(tags);
        body = orEmpty(body);
        version = orEmpty(version);
    }

    static ArticleForm blank(Language language, List<String> questions) {
        return new ArticleForm(language.tag(), "", "", String.join("\n", questions), "", false, "", "");
    }

    static ArticleForm of(Article article, String version) {
        return new ArticleForm(article.language().tag(), article.id().value(), article.title(),
                String.join("\n", article.questions()), String.join(", ", article.tags()), article.escalate(),
                article.body(), version);
    }

    /** A file that does not parse: nothing is guessed, its text is kept whole in the body for the admin to sort. */
    static ArticleForm unparsed(Language language, ArticleId id, String text, String version) {
        return new ArticleForm(language.tag(), id.value(), "", "", "", false, text, version);
    }

    /** The same values under the language and id of the page being edited, which the form cannot change. */
    ArticleForm withKey(Language language, ArticleId id) {
        return new ArticleForm(language.tag(), id.value(), title, questions, tags, escalate, body, version);
    }

    Optional<Language> lang() {
        return Language.fromTag(language).filter(l -> l.tag().equals(language));
    }

    /** Text direction for the free-text fields: the language's own, or left to the browser. */
    String dir() {
        return lang().map(ArticleForm::dir).orElse("auto");
    }

    static String dir(Language language) {
        return language.rightToLeft() ? "rtl" : "auto";
    }

    String cleanTitle() {
        return oneLine(title);
    }

    List<String> questionList() {
        return distinct(questions.lines());
    }

    List<String> tagList() {
        return distinct(Arrays.stream(tags.split(",")));
    }

    /** Browsers send textarea lines ending in CRLF; the files use LF. */
    String cleanBody() {
        return body.replace("\r\n", "\n").replace('\r', '\n').strip();
    }

    private static List<String> distinct(Stream<String> values) {
        return List.copyOf(values.map(ArticleForm::oneLine).filter(value -> !value.isEmpty())
                .collect(LinkedHashSet<String>::new, LinkedHashSet::add, LinkedHashSet::addAll));
    }

    // Control characters would make the YAML writer fall back to binary; nobody means to type them.
    private static String oneLine(String value) {
        return value.replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
