package io.dastyar.knowledge.article;

import java.util.regex.Pattern;

/** An article's id: its file name without {@code .md}, the same across the languages of one article. */
public record ArticleId(String value) {

    /** Also what the admin editor checks a new id against, before anything is written. */
    public static final String PATTERN = "[a-z0-9][a-z0-9_-]{0,99}";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public ArticleId {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "An article id is 1-100 lower-case letters, digits, '-' or '_', starting with a letter or digit: " + value);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
