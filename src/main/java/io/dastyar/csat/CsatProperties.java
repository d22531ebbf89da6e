package io.dastyar.csat;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import io.dastyar.system.Language;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code support.csat.*}: how the satisfaction survey is asked and followed up. Documented in
 * {@code config/application.yml}; a value out of range stops start-up naming its key.
 *
 * @param questions     the rating question by language tag, replacing the bot's own words
 * @param faces         five faces, from very dissatisfied to very satisfied, or none for words alone
 * @param reasons       the codes of the reasons offered after a rating of 1 or 2, in order; none for no reasons
 * @param reasonLabels  words for a reason code the bot has none for ({@code reason.<code>} in i18n/bot), by language
 */
@Validated
@ConfigurationProperties("support.csat")
record CsatProperties(
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1) Duration reminderAfter,
        @DefaultValue("1h") @NotNull @DurationMin(minutes = 1) Duration noResponseAfter,
        @DefaultValue("24h") @NotNull @DurationMin(minutes = 1) @DurationMax(days = 30) Duration lateWindow,
        Map<String, String> questions,
        @DefaultValue({"😞", "😕", "😐", "😊", "😀"}) List<String> faces,
        @DefaultValue({"slow", "unsolved", "unclear", "unfriendly"})
        List<@Pattern(regexp = "[a-z0-9-]{1,32}", message = "must be 1 to 32 of a-z, 0-9 and -") String> reasons,
        Map<String, Map<String, String>> reasonLabels,
        @Valid @DefaultValue Nps nps,
        @Valid @DefaultValue FollowUps followUps,
        @Valid @DefaultValue Webhook webhook) {

    CsatProperties {
        questions = byLanguage("support.csat.questions", questions);
        faces = faces == null ? List.of() : List.copyOf(faces);
        if (!faces.isEmpty() && (faces.size() != 5 || faces.stream().anyMatch(face -> face.isBlank() || face.length() > 16))) {
            throw new IllegalArgumentException("support.csat.faces must list five faces (very dissatisfied first), or none");
        }
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        if (reasons.size() > 6) {
            throw new IllegalArgumentException("support.csat.reasons: at most 6, a short list of buttons");
        }
        var labels = new LinkedHashMap<String, Map<String, String>>();
        (reasonLabels == null ? Map.<String, Map<String, String>>of() : reasonLabels)
                .forEach((code, byLanguage) -> labels.put(code, byLanguage("support.csat.reason-labels." + code, byLanguage)));
        reasonLabels = Map.copyOf(labels);
    }

    /** @param oneIn one conversation in this many is asked "would you recommend us?" (1 = every one) */
    record Nps(@DefaultValue("false") boolean enabled, @DefaultValue("5") @Min(1) @Max(1_000) int oneIn) {
    }

    /** @param flagAfter an item still open this long after it opened is flagged */
    record FollowUps(@DefaultValue("48h") @NotNull @DurationMin(hours = 1) Duration flagAfter) {
    }

    /**
     * @param url    where low ratings and new follow-ups are posted; none for no webhook
     * @param secret signs each body (HMAC-SHA256); from {@code DASTYAR_CSAT_WEBHOOK_SECRET} only
     */
    record Webhook(@Nullable URI url, @DefaultValue("") String secret,
                   @DefaultValue("8") @Min(1) @Max(50) int maxAttempts,
                   @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) Duration firstRetryAfter,
                   @DefaultValue("10s") @NotNull @DurationMin(seconds = 1) @DurationMax(minutes = 5) Duration timeout) {

        Webhook {
            if (url != null && !List.of("http", "https").contains(String.valueOf(url.getScheme()))) {
                throw new IllegalArgumentException("support.csat.webhook.url must be an http or https address");
            }
            if (url != null && secret.length() < 16) {
                throw new IllegalArgumentException(
                        "support.csat.webhook.secret (DASTYAR_CSAT_WEBHOOK_SECRET) must be at least 16 characters");
            }
        }

        Optional<URI> target() {
            return Optional.ofNullable(url);
        }
    }

    Optional<String> question(Language language) {
        return Optional.ofNullable(questions.get(language.tag()));
    }

    /** Checks a per-language setting: a language we speak, and words in it; refusals name the key as written. */
    private static Map<String, String> byLanguage(String key, @Nullable Map<String, String> values) {
        if (values == null) {
            return Map.of();
        }
        var checked = new LinkedHashMap<String, String>();
        values.forEach((tag, text) -> {
            Language language = Language.fromTag(tag).filter(l -> l.tag().equals(tag)).orElseThrow(
                    () -> new IllegalArgumentException(key + "." + tag + ": a language is one of en, fa, ar, az"));
            if (text == null || text.isBlank() || text.length() > 500) {
                throw new IllegalArgumentException(key + "." + tag + " must be 1 to 500 characters");
            }
            checked.put(language.tag(), text.strip());
        });
        return Map.copyOf(checked);
    }
}
