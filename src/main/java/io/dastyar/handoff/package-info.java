/**
 * Hand-off to people: the queue of conversations waiting for a person, routing them to agents, agents' presence,
 * the expected wait, and business hours. It keeps its own tables, fed by the conversation feature's
 * {@link io.dastyar.conversation.ConversationMoved} events, and acts on conversations only through
 * {@link io.dastyar.conversation.Conversations}.
 *
 * <p>Public API: {@link io.dastyar.handoff.Handoff} and its values.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-off", allowedDependencies = {"conversation", "account", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.handoff;
