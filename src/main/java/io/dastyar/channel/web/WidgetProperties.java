package io.dastyar.channel.web;

import java.time.Duration;
import java.util.List;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code support.widget.*}: the web widget. Documented in {@code config/application.yml}.
 *
 * @param tokenSecret signs visitors' tokens; comes from {@code DASTYAR_WIDGET_SECRET} only. When empty, a
 *                    random one is made at start-up, so visitors' tokens (and their way back into a
 *                    conversation) do not survive a restart.
 */
@Validated
@ConfigurationProperties("support.widget")
record WidgetProperties(
        @DefaultValue("Support") @NotBlank @Size(max = 60) String title,
        @DefaultValue("#0f766e") @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}", message = "must be a colour like #0f766e")
        String brandColor,
        // Sites that may embed the widget (frame-ancestors); "*" for any.
        @DefaultValue("*") @NotEmpty List<@NotBlank String> allowedOrigins,
        @DefaultValue("") @NotNull String tokenSecret,
        @DefaultValue("365d") @NotNull @DurationMin(hours = 1) Duration tokenLifetime,
        @DefaultValue("8") @Min(1) @Max(1_000) int messageBurst,
        @DefaultValue("30") @Min(1) @Max(100_000) int messagesPerMinute,
        @DefaultValue("20") @Min(1) @Max(100_000) int newVisitorsPerMinutePerAddress) {

    WidgetProperties {
        if (!tokenSecret.isEmpty() && tokenSecret.length() < 32) {
            throw new IllegalArgumentException(
                    "support.widget.token-secret (DASTYAR_WIDGET_SECRET) must be at least 32 characters");
        }
    }
}
