/**
 * Hand-off to human agents: the queue, routing, agents' presence, the expected wait and the team's business hours.
 *
 * <p>Business hours are self-contained: {@link io.dastyar.handoff.BusinessHours} answers whether the team is open
 * at an instant and when it next opens or closes, from a weekly schedule of shifts in the team's time zone and
 * holidays known in the Gregorian, Jalali (Solar Hijri) or Hijri (Umm al-Qura) calendar;
 * {@link io.dastyar.handoff.OpeningText} tells a customer when the team opens, in their language, calendar and
 * digits. Nothing configured means open around the clock. Settings: {@code support.handoff.*}
 * ({@link io.dastyar.handoff.HandoffProperties}); behaviour: {@code docs/business-hours.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Hand-off", allowedDependencies = {"system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.handoff;
