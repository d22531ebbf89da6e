package io.dastyar.knowledge;

/** A knowledge-base file that could not be used, with where and why, for the log and the admin page. */
public record ArticleProblem(String file, int line, String message) {

    private static final java.util.regex.Pattern ARTICLE_FILE =
            java.util.regex.Pattern.compile("(en|fa|ar|az)/([^/]+)\\.md");

    /** The editor's address for this file, or null for a file the editor cannot open (e.g. an unknown folder). */
    public String editorPath() {
        var match = ARTICLE_FILE.matcher(file);
        if (!match.matches()) {
            return null;
        }
        try {
            return ArticleRef.of(match.group(1), match.group(2)).key();
        } catch (RuntimeException notAnArticleId) {
            return null;
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
