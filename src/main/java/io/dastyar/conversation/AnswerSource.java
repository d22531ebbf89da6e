package io.dastyar.conversation;

import java.util.List;

import io.dastyar.system.Language;

/**
 * Where the bot's answers come from; the knowledge feature provides it. Without one, the bot answers
 * nothing and offers a person instead.
 */
public interface AnswerSource {

    /** Answers confident enough to give, best first; empty when none is. */
    List<Answer> confidentAnswers(String question, Language language);
}
