package io.dastyar.conversation.answer;

import io.dastyar.system.Language;

/**
 * Where the bot's answers come from; the knowledge feature provides it. Without one, the bot answers
 * nothing and offers a person instead.
 */
public interface AnswerSource {

    /** Answers confident enough to give, best first; none when no answer is. */
    Candidates confidentAnswers(String question, Language language);
}
