package io.dastyar.conversation;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.dastyar.system.Language;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.conversation.*}: how conversations behave. Documented in {@code config/application.yml}.
 */
@Validated
@ConfigurationProperties("support.conversation")
record ConversationProperties(
        @DefaultValue("en") @NotNull Language defaultLanguage,
        // The transcript keeps questions and comments in columns of 4,000 characters.
        @DefaultValue("4000") @Min(1) @Max(4_000) int maxMessageLength,
        @DefaultValue("2") @Min(1) @Max(10) int notHelpedBeforeOfferingPerson,
        // Unanswerable questions in a row before a person is offered outright, not just as a button.
        @DefaultValue("2") @Min(1) @Max(10) int unansweredBeforeOfferingPerson,
        @DefaultValue("15m") @NotNull @DurationMin(seconds = 10) Duration botInactivity,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) Duration agentInactivity,
        // How long the comment and NPS steps wait; the rating question's own waits are the survey's (SurveyPolicy).
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1) Duration ratingTimeout,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 1) Duration deliveryLease,
        @DefaultValue("30d") @NotNull @DurationMin(days = 1) Duration outboxRetention,
        // Waiting customers' estimates are worked out again this often even when nobody leaves the queue.
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 5) Duration queueStatusRefresh) {

    /**
     * How long a conversation in this state may stay quiet before it moves on; null when no timer applies, or when
     * the survey's settings say (the rating question: {@link InactivityTimers}).
     */
    Duration inactivityLimit(ConversationState state) {
        return switch (state) {
            case BOT, AWAITING_FEEDBACK -> botInactivity;
            case QUEUED, WITH_AGENT -> agentInactivity;
            case AWAITING_COMMENT, AWAITING_NPS -> ratingTimeout;
            case AWAITING_RATING, CLOSED -> null;
        };
    }
}
