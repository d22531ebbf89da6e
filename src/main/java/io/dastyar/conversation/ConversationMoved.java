package io.dastyar.conversation;

import java.time.Instant;

import io.dastyar.system.Language;

/**
 * Published, inside the conversation's transaction, whenever a conversation takes a transition (also one that
 * stays in its state, such as a customer's message while with an agent). Hand-off keeps its queue from these,
 * and reports count from them.
 *
 * @param event what caused it
 */
public record ConversationMoved(ConversationId conversation, ChannelAddress customer, Language language,
                                ConversationEvent event, ConversationState from, ConversationState to, Instant at) {

    public boolean entered(ConversationState state) {
        return to == state && from != state;
    }

    public boolean left(ConversationState state) {
        return from == state && to != state;
    }
}
