/**
 * Conversations: their state machine, the transcript, the intake of customers' messages, the step that turns
 * a decided transition into its consequences, and the outbox that delivers replies through the channels.
 * Spring Statemachine never leaves this package.
 *
 * <p>Public API: {@link io.dastyar.conversation.Conversations} and its values, here; the channel SPI in
 * {@code conversation.channel} and the answer SPI in {@code conversation.answer}, each a named interface that a
 * module must declare to use.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Conversation", allowedDependencies = "system")
@org.jspecify.annotations.NullMarked
package io.dastyar.conversation;
