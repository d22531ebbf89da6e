package io.dastyar.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Where Telegram posts updates in webhook mode. A request without Telegram's secret header is refused (401, or 403
 * for a wrong one, compared in constant time) and nothing of it is stored; an update is answered 200 only once it
 * is stored, so Telegram sends it again if this instance fails first.
 */
@RestController
@TelegramOn
@ConditionalOnProperty(name = "support.telegram.mode", havingValue = "webhook")
class WebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private final byte[] secret;
    private final UpdateStore updates;
    private final ObjectMapper json;
    private final Wakeups wakeups;
    private final Clock clock;

    WebhookController(TelegramProperties properties, UpdateStore updates, ObjectMapper telegramJson, Wakeups wakeups,
                      Clock clock) {
        this.secret = properties.webhookSecret().getBytes(StandardCharsets.UTF_8);
        this.updates = updates;
        this.json = telegramJson;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    @PostMapping(PATH)
    ResponseEntity<?> receive(@RequestHeader(name = SECRET_HEADER, required = false) @Nullable String given,
                              @RequestBody String body) {
        if (given == null || given.isEmpty()) {
            return refuse(HttpStatus.UNAUTHORIZED, "The secret token header is missing");
        }
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return refuse(HttpStatus.FORBIDDEN, "The secret token is wrong");
        }
        UpdateStore.Received received;
        try {
            received = TelegramUpdates.received(json.readValue(body, Update.class), json);
        } catch (Exception e) {
            return refuse(HttpStatus.BAD_REQUEST, "Not a Telegram update");
        }
        updates.store(List.of(received), clock.instant());
        wakeups.updates().signal();
        return ResponseEntity.ok().build();
    }

    private static ResponseEntity<ProblemDetail> refuse(HttpStatus status, String why) {
        return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, why));
    }
}
