package io.dastyar.conversation.answer;

import java.util.Optional;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/**
 * Published, inside the conversation's transaction, whenever the bot tried to answer a question from the
 * knowledge base; {@code answer} is empty when it found none good enough.
 */
public record QuestionAsked(ConversationId conversation, Language language, String question, Optional<Answer> answer) {
}
