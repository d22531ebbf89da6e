package io.dastyar.conversation;

import static java.util.stream.Collectors.groupingBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.springframework.messaging.support.MessageBuilder;
import org.springframework.statemachine.StateContext;
import org.springframework.statemachine.StateMachine;
import org.springframework.statemachine.StateMachineEventResult.ResultType;
import org.springframework.statemachine.config.StateMachineBuilder;
import org.springframework.statemachine.config.StateMachineFactory;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * {@link TransitionEngine} on Spring Statemachine. For every event a fresh machine is built that starts in
 * the stored state, so no machine is shared between threads or kept between events.
 *
 * <p>There is one factory per source state, holding only that state's rows: a transition depends on its
 * source alone, and building a machine of a handful of transitions instead of the whole table roughly
 * halves the cost of an event (see {@code TransitionBenchmark}).
 */
@Component
class SpringStatemachineEngine implements TransitionEngine {

    private static final String FACTS = "facts";
    private static final String FIRED = "fired";

    private final Map<ConversationState, StateMachineFactory<ConversationState, ConversationEvent>> factories =
            new EnumMap<>(ConversationState.class);

    SpringStatemachineEngine() {
        this(TransitionTable.ROWS);
    }

    SpringStatemachineEngine(List<Transition> rows) {
        rows.stream().collect(groupingBy(Transition::source))
                .forEach((source, ofSource) -> factories.put(source, createFactory(source, ofSource)));
    }

    @Override
    public Decision decide(ConversationState from, ConversationEvent event, Facts facts) {
        var factory = factories.get(from);
        if (factory == null) {
            return Decision.denied(from);
        }
        StateMachine<ConversationState, ConversationEvent> machine = factory.getStateMachine();
        machine.startReactively().block();
        var message = MessageBuilder.withPayload(event).setHeader(FACTS, facts).build();
        var result = machine.sendEvent(Mono.just(message)).blockLast();
        Transition fired = machine.getExtendedState().get(FIRED, Transition.class);
        if (result == null || result.getResultType() != ResultType.ACCEPTED || fired == null) {
            return Decision.denied(from);
        }
        return new Decision(true, machine.getState().getId(), fired.effects());
    }

    private static StateMachineFactory<ConversationState, ConversationEvent> createFactory(
            ConversationState source, List<Transition> rows) {
        try {
            var builder = StateMachineBuilder.<ConversationState, ConversationEvent>builder();
            builder.configureConfiguration().withConfiguration().autoStartup(false);
            var states = EnumSet.of(source);
            rows.forEach(row -> states.add(row.target()));
            builder.configureStates().withStates().initial(source).states(states);
            var transitions = builder.configureTransitions();
            for (Transition row : rows) {
                if (row.isInternal()) {
                    transitions.withInternal().source(source).event(row.event())
                            .guard(context -> row.guard().test(facts(context)))
                            .action(context -> context.getExtendedState().getVariables().put(FIRED, row));
                } else {
                    transitions.withExternal().source(source).target(row.target()).event(row.event())
                            .guard(context -> row.guard().test(facts(context)))
                            .action(context -> context.getExtendedState().getVariables().put(FIRED, row));
                }
            }
            return builder.createFactory();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot build the conversation state machine for " + source, e);
        }
    }

    private static Facts facts(StateContext<ConversationState, ConversationEvent> context) {
        Facts facts = context.getMessageHeaders().get(FACTS, Facts.class);
        return facts == null ? Facts.NONE : facts;
    }
}
