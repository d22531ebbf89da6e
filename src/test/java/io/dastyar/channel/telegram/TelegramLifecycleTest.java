package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.DastyarApplication;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * The service stopped and started again on the same database in the middle of a stream of updates, then run in
 * webhook mode: no update is lost or repeated, and the webhook refuses requests without Telegram's secret.
 */
class TelegramLifecycleTest {

    private static final BotApiStub STUB = new BotApiStub();
    private static final String SECRET = "webhook-secret-for-the-tests_0123";
    private static final Duration SEEN = Duration.ofSeconds(60);

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Test
    void aRestartMidStreamNeitherLosesNorRepeatsAnUpdateAndTheWebhookWantsTheSecret() throws Exception {
        long[] chats = LongStream.rangeClosed(1, 30).map(n -> 800_000 + n).toArray();
        try (var first = start(false)) {
            for (long chat : chats) {
                STUB.push(BotApiStub.text(900_000 + chat, chat, "en", "/start"));
            }
            await().atMost(SEEN).until(() -> STUB.calls("sendMessage", call -> true).size() >= 3);
        }
        int sentWhileStopped = STUB.calls("sendMessage", call -> true).size();
        try (var second = start(false)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            await().atMost(SEEN).until(() -> LongStream.of(chats).allMatch(chat -> !greetings(chat).isEmpty()));
            assertThat(sentWhileStopped).isLessThan(chats.length);
            LongStream.of(chats).forEach(chat -> assertThat(greetings(chat)).hasSize(1));
            assertThat(jdbc.sql("SELECT count(*) FROM telegram_update WHERE update_id > 1700000 AND update_id < 1800000 AND processed_at IS NOT NULL")
                    .query(Long.class).single()).isEqualTo(chats.length);
        }

        try (var webhook = start(true)) {
            JdbcClient jdbc = webhook.getBean(JdbcClient.class);
            String port = webhook.getEnvironment().getProperty("local.server.port");
            long chat = 880_001;
            String update = BotApiStub.text(1_880_001, chat, "az", "/start").toString();
            long stored = jdbc.sql("SELECT count(*) FROM telegram_update").query(Long.class).single();
            assertThat(post(port, update, null).statusCode()).isEqualTo(401);
            assertThat(post(port, update, "wrong-secret-of-the-same-length__").statusCode()).isEqualTo(403);
            assertThat(jdbc.sql("SELECT count(*) FROM telegram_update").query(Long.class).single()).isEqualTo(stored);
            assertThat(post(port, update, SECRET).statusCode()).isEqualTo(200);
            assertThat(post(port, update, SECRET).statusCode()).isEqualTo(200); // Telegram retrying: taken once
            await().atMost(SEEN).until(() -> !greetings(chat).isEmpty());
            assertThat(greetings(chat).getFirst().text()).contains("Salam");
            await().pollDelay(Duration.ofSeconds(2)).atMost(SEEN).until(() -> jdbc.sql(
                    "SELECT count(*) FROM telegram_update WHERE update_id = 1880001 AND processed_at IS NOT NULL")
                    .query(Long.class).single() == 1);
            assertThat(greetings(chat)).hasSize(1);
        }
    }

    private static java.util.List<BotApiStub.Call> greetings(long chat) {
        return STUB.calls("sendMessage", call -> call.chat() == chat);
    }

    private static HttpResponse<String> post(String port, String body, @Nullable String secret) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WebhookController.PATH))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header(WebhookController.SECRET_HEADER, secret);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(boolean webhook) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", TestPostgres.ownDatabase("telegram_lifecycle"));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("support.account.initial-admin-password", TestPostgres.ADMIN_PASSWORD);
        properties.put("support.knowledge-base.semantic.enabled", "false");
        properties.put("support.telegram.token", "4343:LIFECYCLE-token");
        properties.put("support.telegram.api-url", STUB.url());
        properties.put("support.telegram.poll-timeout", "1s");
        properties.put("server.port", "0");
        if (webhook) {
            properties.put("support.telegram.mode", "webhook");
            properties.put("support.telegram.webhook-secret", SECRET);
        }
        // As arguments: they outrank application.yml, where the token comes from SUPPORT_TELEGRAM_TOKEN.
        return new SpringApplicationBuilder(DastyarApplication.class, TestSupportConfig.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }
}
