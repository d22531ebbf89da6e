/**
 * Conversations: their state machine, the transcript, the inbox that takes customers' messages and the
 * outbox that delivers replies through the channels. Spring Statemachine never leaves this package.
 *
 * <p>Public API: {@link io.dastyar.conversation.Conversations}, the {@link io.dastyar.conversation.Channel}
 * interface every channel implements, and the values they exchange.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation")
package io.dastyar.conversation;
