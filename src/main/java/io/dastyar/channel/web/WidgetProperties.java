package io.dastyar.channel.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.dastyar.system.Language;

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
 * @param title       one title for the panel in every language that has none in {@code titles}; optional
 * @param titles      the panel's title by language; a language with neither this nor {@code title} gets the
 *                    {@code widget.title} of the widget's bundle ({@code i18n/widget*.properties})
 * @param greetings   the panel's greeting by language, shown before the visitor writes; otherwise the
 *                    {@code widget.greeting} of the widget's bundle
 * @param tokenSecret signs visitors' tokens; comes from {@code DASTYAR_WIDGET_SECRET} only. When empty, a
 *                    random one is made at start-up, so visitors' tokens (and their way back into a
 *                    conversation) do not survive a restart.
 */
@Validated
@ConfigurationProperties("support.widget")
record WidgetProperties(
        @Size(max = 60) String title,
        Map<String, String> titles,
        Map<String, String> greetings,
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
        title = title == null || title.isBlank() ? null : title.strip();
        titles = byLanguage("support.widget.titles", titles, 60);
        greetings = byLanguage("support.widget.greetings", greetings, 1_000);
        if (!tokenSecret.isEmpty() && tokenSecret.length() < 32) {
            throw new IllegalArgumentException(
                    "support.widget.token-secret (DASTYAR_WIDGET_SECRET) must be at least 32 characters");
        }
    }

    /** The title set for the language, or else the one set for all; empty for the bundle's default. */
    Optional<String> titleFor(Language language) {
        return Optional.ofNullable(titles.get(language.tag())).or(() -> Optional.ofNullable(title));
    }

    /** The greeting set for the language; empty for the bundle's default. */
    Optional<String> greetingFor(Language language) {
        return Optional.ofNullable(greetings.get(language.tag()));
    }

    /**
     * Checks a per-language setting and keys it by language tag. Checked here rather than with constraints on
     * the map, so that a refusal names the key as it is written ({@code support.widget.titles.fa}).
     */
    private static Map<String, String> byLanguage(String key, Map<String, String> values, int maxLength) {
        if (values == null) {
            return Map.of();
        }
        var checked = new TreeMap<String, String>();
        values.forEach((tag, value) -> {
            Language language = Language.fromTag(tag).filter(l -> l.tag().equalsIgnoreCase(tag))
                    .orElseThrow(() -> new IllegalArgumentException(key + "." + tag
                            + " is for a language the product does not speak: use en, fa, ar or az"));
            String name = key + "." + language.tag();
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank: leave it out for the default");
            }
            if (value.strip().length() > maxLength) {
                throw new IllegalArgumentException(name + " must be at most " + maxLength + " characters");
            }
            checked.put(language.tag(), value.strip());
        });
        return Collections.unmodifiableMap(checked);
    }
}
