package io.dastyar.channel.telegram;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * {@code support.telegram.*}: the Telegram channel. Documented in {@code config/application.yml}.
 *
 * @param token         the bot's token, from {@code SUPPORT_TELEGRAM_TOKEN} only; empty turns the channel off
 * @param apiUrl        the Bot API server: the public one, or a self-hosted one (scheme, host and port are used)
 * @param webhookUrl    in webhook mode, the public https address Telegram posts to; empty registers no webhook
 * @param webhookSecret in webhook mode, the secret Telegram sends back in {@code X-Telegram-Bot-Api-Secret-Token}
 */
@Validated
@ConfigurationProperties("support.telegram")
record TelegramProperties(
        @DefaultValue("") @NotNull String token,
        @DefaultValue("https://api.telegram.org") @NotNull URI apiUrl,
        @DefaultValue("long-polling") @NotNull Mode mode,
        @DefaultValue("50s") @NotNull @DurationMin(seconds = 0) @DurationMax(seconds = 50) Duration pollTimeout,
        @DefaultValue("") @NotNull String webhookUrl,
        @DefaultValue("") @NotNull String webhookSecret,
        @DefaultValue("3") @Min(1) @Max(20) int chatBurst,
        @DefaultValue("20") @Min(1) @Max(60) int groupMessagesPerMinute,
        @DefaultValue("30") @Min(1) @Max(1_000) int messagesPerSecond,
        @DefaultValue("30s") @NotNull @DurationMin(seconds = 5) Duration lease) {

    enum Mode { LONG_POLLING, WEBHOOK }

    TelegramProperties {
        token = token.strip();
        if (!token.isEmpty() && !token.matches("[0-9]+:[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException(
                    "support.telegram.token (SUPPORT_TELEGRAM_TOKEN) must look like 123456:ABC-DEF..., as @BotFather gives it");
        }
        String scheme = apiUrl.getScheme();
        if (scheme == null || !(scheme.equals("https") || scheme.equals("http")) || apiUrl.getHost() == null) {
            throw new IllegalArgumentException("support.telegram.api-url must be an http(s) address with a host");
        }
        if (mode == Mode.WEBHOOK && !token.isEmpty() && !webhookSecret.matches("[A-Za-z0-9_-]{16,256}")) {
            throw new IllegalArgumentException("support.telegram.webhook-secret (SUPPORT_TELEGRAM_WEBHOOK_SECRET) must be "
                    + "16 to 256 characters of A-Z, a-z, 0-9, _ and - in webhook mode");
        }
        if (!webhookUrl.isEmpty() && !webhookUrl.startsWith("https://")) {
            throw new IllegalArgumentException("support.telegram.webhook-url must be an https address");
        }
    }

    boolean enabled() {
        return !token.isEmpty();
    }

    /** The bot's id, the token's public part before the colon: names its lease without showing the secret. */
    String botId() {
        return token.substring(0, Math.max(0, token.indexOf(':')));
    }

    /** Keeps the token and the webhook secret out of logs and failure reports. */
    @Override
    public String toString() {
        return "TelegramProperties[bot=" + botId() + ", apiUrl=" + apiUrl + ", mode=" + mode + "]";
    }

    int apiPort() {
        return apiUrl.getPort() > 0 ? apiUrl.getPort() : apiUrl.getScheme().equals("https") ? 443 : 80;
    }
}
