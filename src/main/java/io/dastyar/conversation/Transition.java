package io.dastyar.conversation;

import java.util.List;

/** One row of the transition table. A source equal to its target is an internal transition: no exit, no entry. */
record Transition(ConversationState source, ConversationEvent event, Guard guard,
                  ConversationState target, List<Effect> effects) {

    Transition {
        effects = List.copyOf(effects);
    }

    boolean isInternal() {
        return source == target;
    }
}
