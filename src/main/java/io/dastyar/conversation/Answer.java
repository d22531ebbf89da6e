package io.dastyar.conversation;

/** A knowledge-base answer the bot may give: the article's id and title, and the answer text in Markdown. */
public record Answer(String articleId, String title, String text) {
}
