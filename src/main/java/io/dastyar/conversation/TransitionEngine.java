package io.dastyar.conversation;

/**
 * Decides transitions and nothing else: no storage, no I/O. The only door to Spring Statemachine,
 * so the library can be swapped without touching the rest.
 */
interface TransitionEngine {

    Decision decide(ConversationState from, ConversationEvent event, Facts facts);
}
