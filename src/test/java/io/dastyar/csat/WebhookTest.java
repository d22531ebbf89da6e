package io.dastyar.csat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.json.JsonMapper;

import io.dastyar.support.MutableClock;
import io.dastyar.support.PostgresTest;

/**
 * The outgoing webhook against a loopback HTTP server that checks each body's HMAC-SHA256 signature: a refused
 * delivery is retried after the back-off, a delivered one is not sent again, and each keeps its log.
 */
@PostgresTest
class WebhookTest {

    private static final String SECRET = "a-webhook-secret-for-tests";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    MutableClock clock;

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger badSignatures = new AtomicInteger();
    private final AtomicInteger failuresToGive = new AtomicInteger();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Dastyar-Signature");
            boolean signed = ("sha256=" + hmac(body)).equals(signature);
            if (!signed) {
                badSignatures.incrementAndGet();
            }
            received.add(new String(body, StandardCharsets.UTF_8));
            int status = !signed ? 401 : failuresToGive.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        jdbc.sql("DELETE FROM csat_webhook_delivery").update();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void aSignedDeliveryRefusedOnceIsRetriedAfterTheBackOffAndLogged() {
        CsatProperties properties = settings(SECRET, 5);
        var webhooks = new Webhooks(jdbc, json, properties, clock);
        var sender = new WebhookSender(jdbc, properties, clock);
        failuresToGive.set(1);

        webhooks.post("low_rating", Map.of("conversation", "c-1", "score", 1, "comment", "خیلی بد بود"));
        sender.deliverDue();
        assertThat(received).hasSize(1);
        assertThat(delivery()).containsEntry("status", "PENDING").containsEntry("attempts", 1).containsEntry("last_status", 503);

        sender.deliverDue();
        assertThat(received).as("not due before the back-off").hasSize(1);

        clock.advance(Duration.ofSeconds(2));
        sender.deliverDue();
        assertThat(received).hasSize(2);
        assertThat(badSignatures).hasValue(0);
        assertThat(delivery()).containsEntry("status", "DELIVERED").containsEntry("attempts", 2)
                .containsEntry("last_status", 204);
        assertThat(received.getLast()).contains("\"event\":\"low_rating\"", "\"score\":1", "خیلی بد بود");

        clock.advance(Duration.ofMinutes(5));
        sender.deliverDue();
        assertThat(received).as("delivered once only").hasSize(2);
    }

    @Test
    void aReceiverThatKeepsRefusingIsGivenUpAfterTheConfiguredAttemptsAndTheBackOffDoubles() {
        CsatProperties properties = settings("another-secret-not-the-receivers", 2);
        var sender = new WebhookSender(jdbc, properties, clock);
        assertThat(sender.backOff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(sender.backOff(4)).isEqualTo(Duration.ofSeconds(8));

        new Webhooks(jdbc, json, properties, clock).post("follow_up_opened", Map.of("followUp", 7));
        sender.deliverDue();
        clock.advance(Duration.ofSeconds(2));
        sender.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        sender.deliverDue();
        assertThat(badSignatures).as("the receiver checked, and refused, a wrong signature").hasValue(2);
        assertThat(delivery()).containsEntry("status", "FAILED").containsEntry("attempts", 2).containsEntry("last_status", 401);
    }

    @Test
    void withoutAUrlNothingIsQueued() {
        var none = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("support.csat", CsatProperties.class);
        new Webhooks(jdbc, json, none, clock).post("low_rating", Map.of("score", 1));
        assertThat(jdbc.sql("SELECT count(*) FROM csat_webhook_delivery").query(Integer.class).single()).isZero();
    }

    private CsatProperties settings(String secret, int maxAttempts) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "support.csat.webhook.url", "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                "support.csat.webhook.secret", secret,
                "support.csat.webhook.max-attempts", Integer.toString(maxAttempts),
                "support.csat.webhook.first-retry-after", "1s"))).bindOrCreate("support.csat", CsatProperties.class);
    }

    private Map<String, Object> delivery() {
        return jdbc.sql("SELECT status, attempts, last_status FROM csat_webhook_delivery").query().singleRow();
    }

    private static String hmac(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
