package io.dastyar.conversation;

/**
 * A knowledge-base answer the bot may give: the article's id and title, the answer text in Markdown, the
 * retrieval's confidence in it, and whether a person should be offered alongside (sensitive topics).
 */
public record Answer(String articleId, String title, String text, double confidence, boolean escalate) {
}
