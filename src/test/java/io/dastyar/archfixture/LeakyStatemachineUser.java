package io.dastyar.archfixture;

import org.springframework.statemachine.StateMachine;

/** A deliberate violation for ModularityTest: a state machine type outside the conversation feature. */
public class LeakyStatemachineUser {

    StateMachine<String, String> machine;
}
