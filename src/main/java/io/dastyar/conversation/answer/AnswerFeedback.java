package io.dastyar.conversation.answer;

import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/** Published, inside the conversation's transaction, when a customer judges the answer the bot gave. */
public record AnswerFeedback(ConversationId conversation, Language language, String articleId, Verdict verdict) {

    public enum Verdict {
        HELPED,
        NOT_HELPED,
        /** Asked for a person instead of answering "did this help?". */
        HANDED_OFF
    }
}
