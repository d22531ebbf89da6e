package io.dastyar.knowledge.article;

/** A knowledge-base file that could not be used, with where and why, for the log and the admin page. */
public record ArticleProblem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
