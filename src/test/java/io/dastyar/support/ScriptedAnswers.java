package io.dastyar.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.answer.AnswerSource;
import io.dastyar.conversation.answer.Candidates;
import io.dastyar.system.Language;

/** An {@link AnswerSource} that knows only the questions a test taught it; until the knowledge feature exists. */
public class ScriptedAnswers implements AnswerSource {

    private final Map<String, Candidates> answers = new ConcurrentHashMap<>();

    public void teach(String question, Answer... candidates) {
        answers.put(question, new Candidates(List.of(candidates), false));
    }

    /** Answers that are too close to tell apart, so the bot should ask which one is meant. */
    public void teachCloseCall(String question, Answer... candidates) {
        answers.put(question, new Candidates(List.of(candidates), true));
    }

    @Override
    public Candidates confidentAnswers(String question, Language language) {
        return answers.getOrDefault(question, Candidates.NONE);
    }
}
