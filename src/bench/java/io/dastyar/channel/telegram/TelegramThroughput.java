package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.dastyar.channel.telegram.BotApiStub.Call;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * The Telegram channel's throughput against the Bot API stub, with the whole application on the embedded PostgreSQL.
 * <ol>
 *   <li>Outbound: {@code telegram.replies} replies (default 1,000) to as many chats, handed to the channel at once as
 *       the outbox hands them over; reported: the rate at which the stub received them (first to last), against
 *       Telegram's 30 messages/s, and how many the stub refused with 429 (it keeps Telegram's limits).</li>
 *   <li>Inbound: {@code telegram.updates} updates (default 2,000: /start and a question from each of half as many
 *       chats) put on getUpdates at once; reported: updates a second from the first stored to the last processed
 *       (long polling, stored, the conversation's receive and its replies queued, marked processed).</li>
 * </ol>
 * Figures go to the console and {@code target/telegram-throughput.txt}; the outbound goal (at least 95% of the limit,
 * no 429) is asserted.
 *
 * <pre>./mvnw -Pbench-telegram verify [-Dtelegram.replies=1000 -Dtelegram.updates=2000]</pre>
 */
@SpringBootTest(properties = {
        "support.telegram.token=4747:BENCH-token",
        "support.telegram.poll-timeout=1s",
        "support.knowledge-base.semantic.enabled=false",
        "logging.level.io.dastyar=WARN"})
@Import(TestSupportConfig.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TelegramThroughput {

    private static final BotApiStub STUB = new BotApiStub();
    private static final int REPLIES = Integer.getInteger("telegram.replies", 1_000);
    private static final int UPDATES = Integer.getInteger("telegram.updates", 2_000);
    private static final double LIMIT = 30.0;
    private static final Path REPORT = Path.of("target/telegram-throughput.txt");

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("support.telegram.api-url", STUB::url);
        registry.add("spring.datasource.url", () -> TestPostgres.ownDatabase("telegram_bench_" + System.currentTimeMillis()));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("support.account.initial-admin-password", () -> TestPostgres.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Autowired
    TelegramChannel channel;
    @Autowired
    JdbcClient jdbc;

    @Test
    @Order(1)
    void repliesToManyChatsDrainAtTheOverallLimitWithoutA429() throws IOException {
        await().atMost(Duration.ofSeconds(30)).until(() -> STUB.calls("setMyCommands", call -> true).size() >= 5);
        int refusedBefore = STUB.tooManyRequests();
        long firstChat = 5_000_000;
        long handedOver = System.nanoTime();
        for (int i = 0; i < REPLIES; i++) {
            long chat = firstChat + i;
            channel.deliver(new Delivery(9_000_000L + i, new ConversationId(UUID.randomUUID()), 0, String.valueOf(chat),
                    Author.BOT, Reply.message("Your parcel left our warehouse today. Reply " + i + "."),
                    Optional.empty(), Instant.now(), 1));
        }
        double handOverSeconds = (System.nanoTime() - handedOver) / 1e9;
        List<Call> sent = await().atMost(Duration.ofSeconds(REPLIES / 10 + 60)).pollInterval(Duration.ofMillis(500))
                .until(() -> STUB.calls("sendMessage", call -> call.chat() >= firstChat && call.chat() < firstChat + REPLIES),
                        calls -> calls.size() >= REPLIES);
        double seconds = (sent.getLast().atNanos() - sent.getFirst().atNanos()) / 1e9;
        double rate = (sent.size() - 1) / seconds;
        // Without the first second's burst (the bucket starts full): the rate the queue keeps up.
        int burst = (int) LIMIT;
        double steady = (sent.size() - 1 - burst) / ((sent.getLast().atNanos() - sent.get(burst).atNanos()) / 1e9);
        int refused = STUB.tooManyRequests() - refusedBefore;
        report(String.format(Locale.ROOT, "outbound: %d replies to %d chats handed over in %.1f s, received by the stub in "
                        + "%.1f s = %.2f messages/s (%.1f%% of %.0f/s; %.2f/s = %.1f%% after the first burst), 429s: %d",
                REPLIES, REPLIES, handOverSeconds, seconds, rate, 100 * rate / LIMIT, LIMIT, steady, 100 * steady / LIMIT,
                refused));
        assertThat(refused).isZero();
        assertThat(steady).isGreaterThanOrEqualTo(0.95 * LIMIT);
    }

    @Test
    @Order(2)
    void updatesAreHandledEndToEnd() throws IOException {
        long firstChat = 6_000_000;
        long firstUpdate = 60_000_000;
        int chats = UPDATES / 2;
        long pushed = System.nanoTime();
        for (int i = 0; i < chats; i++) {
            long chat = firstChat + i;
            String language = List.of("en", "fa", "ar", "az").get(i % 4);
            STUB.push(BotApiStub.text(firstUpdate + 2L * i, chat, language, "/start"));
            STUB.push(BotApiStub.text(firstUpdate + 2L * i + 1, chat, language, "How do I return an item I bought?"));
        }
        long total = 2L * chats;
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(200)).until(() -> processed(firstUpdate) >= total);
        double seconds = (System.nanoTime() - pushed) / 1e9;
        var span = jdbc.sql("""
                SELECT EXTRACT(EPOCH FROM (MAX(processed_at) - MIN(received_at))) FROM telegram_update
                WHERE update_id >= ?""").param(firstUpdate).query(Double.class).single();
        report(String.format(Locale.ROOT, "inbound: %d updates from %d chats processed in %.1f s = %.1f updates/s "
                        + "(first stored to last processed: %.1f s = %.1f updates/s)",
                total, chats, seconds, total / seconds, span, total / span));
        assertThat(jdbc.sql("SELECT count(*) FROM telegram_update WHERE update_id >= ? AND failure IS NOT NULL")
                .param(firstUpdate).query(Long.class).single()).isZero();
    }

    private long processed(long firstUpdate) {
        return jdbc.sql("SELECT count(*) FROM telegram_update WHERE update_id >= ? AND processed_at IS NOT NULL")
                .param(firstUpdate).query(Long.class).single();
    }

    private static void report(String line) throws IOException {
        System.out.println("[telegram-throughput] " + line);
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, line + System.lineSeparator(), java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }
}
