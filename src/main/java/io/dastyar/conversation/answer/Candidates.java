package io.dastyar.conversation.answer;

import java.util.List;

/**
 * The answers the knowledge base is confident enough to give, best first. {@code closeCall} says the first
 * few are too close to tell apart, so the bot should ask which one the customer means instead of guessing.
 */
public record Candidates(List<Answer> answers, boolean closeCall) {

    public static final Candidates NONE = new Candidates(List.of(), false);

    public Candidates {
        answers = List.copyOf(answers);
    }
}
