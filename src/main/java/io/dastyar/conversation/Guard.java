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
    GIVE_UP_ON_BOT(facts -> !facts.anotherCandidate() || facts.givingUp());

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
