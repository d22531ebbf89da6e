package io.dastyar.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dastyar.conversation.Answer;
import io.dastyar.conversation.AnswerSource;
import io.dastyar.system.Language;

/** An {@link AnswerSource} that knows only the questions a test taught it; until the knowledge feature exists. */
public class ScriptedAnswers implements AnswerSource {

    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();

    public void teach(String question, Answer... candidates) {
        answers.put(question, List.of(candidates));
    }

    @Override
    public List<Answer> confidentAnswers(String question, Language language) {
        return answers.getOrDefault(question, List.of());
    }
}
