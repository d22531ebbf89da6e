package io.dastyar.conversation;

import java.util.function.Predicate;

/** Named conditions on a transition; named so that the transition table and its diagram can show them. */
enum Guard {
    ALWAYS(facts -> true),
    CONFIDENT_ANSWER(facts -> facts.confidentAnswer() && !facts.closeCall()),
    CLOSE_CALL(facts -> facts.confidentAnswer() && facts.closeCall()),
    NO_CONFIDENT_ANSWER(facts -> !facts.confidentAnswer() && !facts.stuck()),
    /** No answer again, after enough unanswered questions in a row: a person is offered. */
    STILL_NO_ANSWER(facts -> !facts.confidentAnswer() && facts.stuck()),
    ANOTHER_CANDIDATE(facts -> facts.anotherCandidate() && !facts.givingUp()),
    GIVE_UP_ON_BOT(facts -> !facts.anotherCandidate() || facts.givingUp()),
    /** Text where a rating was expected, the first time: the question is asked once more. */
    FIRST_STRAY_TEXT(facts -> !facts.reprompted()),
    /** Text where a rating was expected, again: it is taken as a comment. */
    STRAY_TEXT_AGAIN(Facts::reprompted),
    NOT_REMINDED(facts -> !facts.reminded()),
    REMINDED(Facts::reminded),
    NPS_SAMPLED(Facts::npsSampled),
    NPS_NOT_SAMPLED(facts -> !facts.npsSampled());

    private final Predicate<Facts> test;

    Guard(Predicate<Facts> test) {
        this.test = test;
    }

    boolean test(Facts facts) {
        return test.test(facts);
    }

    String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
