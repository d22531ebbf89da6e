package io.dastyar.csat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the webhook's queued events: a POST of the JSON body, signed with HMAC-SHA256 over the exact bytes
 * ({@code X-Dastyar-Signature: sha256=<hex>}). A 2xx answer delivers it; anything else is retried with back-off
 * (the first retry after {@code first-retry-after}, each wait twice the one before) until {@code max-attempts},
 * after which it is kept as FAILED. Each row is its own delivery log.
 */
@Component
class WebhookSender {

    static final String SIGNATURE = "X-Dastyar-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    record Due(long id, String event, String payload, int attempts) {
    }

    private final JdbcClient jdbc;
    private final CsatProperties.Webhook settings;
    private final Clock clock;
    private final HttpClient http;

    WebhookSender(JdbcClient jdbc, CsatProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.settings = properties.webhook();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Scheduled(fixedDelay = 2_000, initialDelay = 2_000)
    void deliverDue() {
        URI target = settings.target().orElse(null);
        if (target == null) {
            return;
        }
        List<Due> due = jdbc.sql("""
                        SELECT id, event, payload, attempts FROM csat_webhook_delivery
                        WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id LIMIT 50""")
                .param(Timestamp.from(clock.instant()))
                .query((rs, row) -> new Due(rs.getLong("id"), rs.getString("event"), rs.getString("payload"),
                        rs.getInt("attempts")))
                .list();
        due.forEach(delivery -> attempt(target, delivery));
    }

    private void attempt(URI target, Due delivery) {
        @Nullable Integer status = null;
        @Nullable String error = null;
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(target)
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("X-Dastyar-Event", delivery.event())
                    .header("X-Dastyar-Delivery", Long.toString(delivery.id()))
                    .header(SIGNATURE, "sha256=" + sign(delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
        } catch (java.io.IOException e) {
            error = String.valueOf(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        record(delivery, status, error);
    }

    private void record(Due delivery, @Nullable Integer status, @Nullable String error) {
        Instant now = clock.instant();
        int attempts = delivery.attempts() + 1;
        if (status != null && status / 100 == 2) {
            jdbc.sql("""
                    UPDATE csat_webhook_delivery SET status = 'DELIVERED', attempts = ?, last_status = ?, last_error = NULL,
                        delivered_at = ?, next_attempt_at = NULL WHERE id = ?""")
                    .params(attempts, status, Timestamp.from(now), delivery.id()).update();
            return;
        }
        boolean givingUp = attempts >= settings.maxAttempts();
        String why = error != null ? error : "HTTP " + status;
        log.warn("Webhook {} #{} failed (attempt {}): {}{}", delivery.event(), delivery.id(), attempts, why,
                givingUp ? "; giving up" : "");
        jdbc.sql("""
                UPDATE csat_webhook_delivery SET status = ?, attempts = ?, last_status = ?, last_error = ?,
                    next_attempt_at = ? WHERE id = ?""")
                .params(givingUp ? "FAILED" : "PENDING", attempts, status, abbreviate(why),
                        givingUp ? null : Timestamp.from(now.plus(backOff(attempts))), delivery.id()).update();
    }

    /** The wait after the n-th failed attempt: first-retry-after, doubled each time, at most a day. */
    Duration backOff(int failedAttempts) {
        Duration wait = settings.firstRetryAfter().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return wait.compareTo(Duration.ofDays(1)) > 0 ? Duration.ofDays(1) : wait;
    }

    /** Lower-case hex of HMAC-SHA256 over the body's UTF-8 bytes, keyed with the configured secret. */
    String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}
