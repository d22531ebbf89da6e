/**
 * Hand-off to people: the queue of conversations waiting for a person, routing them to agents, agents' presence,
 * the expected wait, and the team's business hours. It keeps its own tables, fed by the conversation feature's
 * {@link io.dastyar.conversation.ConversationMoved} events, and acts on conversations only through
 * {@link io.dastyar.conversation.Conversations}.
 *
 * <p>Business hours are self-contained: {@link io.dastyar.handoff.BusinessHours} answers whether the team is open
 * at an instant and when it next opens or closes, from a weekly schedule of shifts in the team's time zone and
 * holidays known in the Gregorian, Jalali (Solar Hijri) or Hijri (Umm al-Qura) calendar;
 * {@link io.dastyar.handoff.OpeningText} tells a customer when the team opens, in their language, calendar and
 * digits. Nothing configured means open around the clock. Settings: {@code support.handoff.*}
 * ({@link io.dastyar.handoff.HandoffProperties}); behaviour: {@code docs/business-hours.md}.
 *
 * <p>Public API: {@link io.dastyar.handoff.Handoff} and its values.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-off", allowedDependencies = {"conversation", "account", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.handoff;
