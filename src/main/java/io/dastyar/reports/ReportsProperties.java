package io.dastyar.reports;

import java.time.Duration;
import java.time.ZoneId;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.reports.*}, documented in {@code config/application.yml}; the figures in {@code docs/reports.md}.
 *
 * @param timeZone        the days and hours of the reports are this zone's
 * @param answeredWithin  the target for a person's first reply ("answered within 2 minutes")
 * @param durableWindow   a contained conversation is durable when the customer did not come back within this time
 * @param settleAfter     a conversation closed this long ago can change no more, and its figures are kept as they are
 * @param refreshInterval how often the figures of new and changed conversations are computed
 * @param maxDays         the longest range one request may ask for, in days
 */
@Validated
@ConfigurationProperties("support.reports")
record ReportsProperties(
        @DefaultValue("UTC") @NotNull ZoneId timeZone,
        @DefaultValue("2m") @NotNull @DurationMin(seconds = 1) Duration answeredWithin,
        @DefaultValue("7d") @NotNull @DurationMin(hours = 1) Duration durableWindow,
        @DefaultValue("8d") @NotNull @DurationMin(hours = 1) Duration settleAfter,
        @DefaultValue("1m") @NotNull @DurationMin(seconds = 5) Duration refreshInterval,
        @DefaultValue("366") @Min(1) @Max(3660) int maxDays) {

    /** A conversation cannot settle before it is known whether its customer came back. */
    @AssertTrue(message = "support.reports.settle-after must be at least support.reports.durable-window")
    boolean isSettleAfterDurableWindow() {
        return settleAfter == null || durableWindow == null || settleAfter.compareTo(durableWindow) >= 0;
    }
}
