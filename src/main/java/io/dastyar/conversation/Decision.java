package io.dastyar.conversation;

import java.util.List;

/** The outcome of offering one event to the machine. A denied event leaves the state as it was. */
record Decision(boolean accepted, ConversationState target, List<Effect> effects) {

    static Decision denied(ConversationState unchanged) {
        return new Decision(false, unchanged, List.of());
    }
}
