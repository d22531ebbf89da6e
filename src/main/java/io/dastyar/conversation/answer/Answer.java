package io.dastyar.conversation.answer;

import io.dastyar.system.Language;

/**
 * A knowledge-base answer the bot may give: the article's id, language and title, the answer text in
 * Markdown, the retrieval's confidence in it, and whether a person should be offered alongside (sensitive
 * topics). The language is the article's, which may differ from the one the conversation started in.
 */
public record Answer(String articleId, Language language, String title, String text, double confidence,
                     boolean escalate) {
}
