package io.dastyar.handoff;

import java.time.Duration;
import java.util.Set;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.DefaultValue;

import io.dastyar.system.Language;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.handoff.routing.*}, part of {@link HandoffProperties}: how waiting conversations reach agents.
 * Documented in {@code config/application.yml}.
 *
 * @param defaultCapacity  chats an agent may hold at once until an admin sets their own
 * @param defaultLanguages languages an agent speaks until an admin sets their own
 * @param heartbeatGrace   an agent whose console has not been heard from for this long is taken offline, and their
 *                         chats go back to the front of the queue
 * @param stickyGrace      a customer who comes back within this time after an agent helped them is offered to that
 *                         agent first (zero: never)
 * @param repairAfter      a chat an agent won but whose conversation was not assigned to them within this time (the
 *                         instance stopped half-way) goes back to the queue
 */
record RoutingProperties(
        @DefaultValue("3") @Min(1) @Max(50) int defaultCapacity,
        @DefaultValue({"en", "fa", "ar", "az"}) @NotEmpty Set<Language> defaultLanguages,
        @DefaultValue("60s") @NotNull @DurationMin(seconds = 5) Duration heartbeatGrace,
        @DefaultValue("30m") @NotNull Duration stickyGrace,
        @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) Duration repairAfter) {
}
