package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.dastyar.channel.telegram.BotApiStub.Call;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.CustomerUnreachable;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;
import io.dastyar.system.Language;

/**
 * The channel end to end: the real TelegramBots client polls a Bot API stub on loopback, the whole application
 * (PostgreSQL) answers, and what the customer sees is read from the calls the stub recorded.
 */
@SpringBootTest(properties = {
        "support.telegram.token=4242:TEST-token_for-the-stub",
        "support.telegram.poll-timeout=1s",
        "support.telegram.lease=6s",
        "support.knowledge-base.semantic.enabled=false"})
@Import({TestSupportConfig.class, TelegramConversationTest.UnreachableCustomers.class})
class TelegramConversationTest {

    private static final BotApiStub STUB = new BotApiStub();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(500_000);
    private static final AtomicLong CHATS = new AtomicLong(700_000);
    private static final Duration SEEN = Duration.ofSeconds(20);

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("support.telegram.api-url", STUB::url);
        registry.add("spring.datasource.url", () -> TestPostgres.ownDatabase("telegram_tests"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("support.account.initial-admin-password", () -> TestPostgres.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @Autowired
    Conversations conversations;
    @Autowired
    ScriptedAnswers answers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TelegramChannel channel;
    @Autowired
    UnreachableCustomers unreachable;

    /** What the agent console would hear of customers who cannot be reached. */
    @TestComponent
    static class UnreachableCustomers {
        private final List<CustomerUnreachable> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        @EventListener
        void on(CustomerUnreachable event) {
            seen.add(event);
        }

        List<CustomerUnreachable> seen() {
            return List.copyOf(seen);
        }
    }

    @Test
    void aWholeConversationFromStartThroughAnAgentToTheRatingAndComment() {
        long chat = CHATS.incrementAndGet();
        answers.teach("How do I return an item?", new Answer("returns", Language.EN, "Returns",
                "Open **My orders** & tap *Return* <within 30 days>.", 0.9, false));

        say(chat, "en", "/start");
        assertThat(nextMessage(chat, 0).text()).contains("support assistant");

        say(chat, "en", "How do I return an item?");
        Call article = nextMessage(chat, 1);
        assertThat(article.text()).isEqualTo("Open <b>My orders</b> &amp; tap <i>Return</i> &lt;within 30 days&gt;.");
        assertThat(article.body().path("parse_mode").asString()).isEqualTo("HTML");
        Call didItHelp = nextMessage(chat, 2);
        List<JsonNode> buttons = buttons(didItHelp);
        assertThat(buttons).hasSize(3);
        assertThat(buttons).allSatisfy(button -> assertThat(button.path("callback_data").asString())
                .matches("k\\d+\\.\\d").satisfies(data -> assertThat(data.getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(64)));

        press(chat, "en", didItHelp, 1); // No
        await().atMost(SEEN).until(() -> !STUB.calls("answerCallbackQuery", call -> true).isEmpty());
        Call chosen = awaitCall("editMessageText", call -> call.chat() == chat);
        assertThat(chosen.text()).contains("Did this answer your question?").endsWith("✓ No");
        assertThat(chosen.body().path("reply_markup").isMissingNode()).isTrue();
        Call offer = nextMessage(chat, 3);
        press(chat, "en", offer, 0); // Talk to a person
        ConversationId id = conversation(chat);
        await().atMost(SEEN).until(() -> conversations.find(id).orElseThrow().state() == ConversationState.QUEUED);

        conversations.assign(id, "Alice");
        conversations.sendFromAgent(id, "Alice", "Hello <there> & welcome");
        await().atMost(SEEN).until(() -> STUB.to(chat).stream().anyMatch(call -> call.text().startsWith("<b>Alice</b>")));
        assertThat(STUB.to(chat)).anySatisfy(call -> assertThat(call.text())
                .isEqualTo("<b>Alice</b>\nHello &lt;there&gt; &amp; welcome"));
        conversations.showTyping(id, Author.AGENT);
        awaitCall("sendChatAction", call -> call.chat() == chat);

        conversations.fire(id, ConversationEvent.RESOLVED);
        Call rating = await().atMost(SEEN).until(() -> lastWithButtons(chat), found -> found.isPresent()
                && buttons(found.get()).size() == 5).orElseThrow();
        assertThat(buttons(rating).getFirst().path("text").asString()).isEqualTo("😞 Very dissatisfied");
        assertThat(buttons(rating).get(4).path("text").asString()).isEqualTo("😀 Very satisfied");
        press(chat, "en", rating, 3);
        await().atMost(SEEN).until(() -> conversations.find(id).orElseThrow().state() == ConversationState.AWAITING_COMMENT);
        say(chat, "en", "Quick and kind, thank you");
        await().atMost(SEEN).until(() -> conversations.find(id).orElseThrow().state() == ConversationState.CLOSED);
        assertThat(conversations.find(id).orElseThrow().rating()).contains(4);
        await().atMost(SEEN).until(() -> STUB.to(chat).stream().anyMatch(call -> call.text().contains("now closed")));

        // The "Did this help?" buttons of the closed conversation: a polite answer, and the buttons go.
        int answered = STUB.calls("answerCallbackQuery", call -> true).size();
        press(chat, "en", didItHelp, 0);
        Call stale = await().atMost(SEEN).until(() -> STUB.calls("answerCallbackQuery", call -> true),
                calls -> calls.size() > answered).getLast();
        assertThat(stale.body().path("text").asString()).contains("earlier message");
        awaitCall("editMessageReplyMarkup", call -> call.chat() == chat
                && call.body().path("message_id").asLong() == messageId(didItHelp));
    }

    @Test
    void persianAndAzerbaijaniUsersAreGreetedInTheirLanguageAndMayChooseAnother() {
        long persian = CHATS.incrementAndGet();
        long azerbaijani = CHATS.incrementAndGet();
        say(persian, "fa", "/start");
        say(azerbaijani, "az", "/start");
        assertThat(nextMessage(persian, 0).text()).contains("سلام");
        assertThat(nextMessage(azerbaijani, 0).text()).contains("Salam");

        say(azerbaijani, "az", "/language");
        Call choose = nextMessage(azerbaijani, 1);
        assertThat(buttons(choose)).extracting(button -> button.path("text").asString())
                .containsExactly("English", "فارسی", "العربية", "Azərbaycanca");
        press(azerbaijani, "az", choose, 1);
        assertThat(nextMessage(azerbaijani, 2).text()).contains("فارسی");
        say(azerbaijani, "az", "/help");
        assertThat(nextMessage(azerbaijani, 3).text()).contains("/human");
        assertThat(nextMessage(azerbaijani, 3).text()).contains("گفت‌وگو");

        assertThat(STUB.calls("setMyCommands", call -> true)).extracting(call -> call.body().path("language_code")
                .asString("")).contains("", "en", "fa", "ar", "az");
    }

    @Test
    void aRepeatedUpdateTakesEffectOnce() {
        long chat = CHATS.incrementAndGet();
        var update = BotApiStub.text(UPDATE_IDS.incrementAndGet(), chat, "en", "/start");
        STUB.push(update);
        nextMessage(chat, 0);
        STUB.replay(update.deepCopy());
        say(chat, "en", "/help");
        nextMessage(chat, 1);
        assertThat(STUB.to(chat)).filteredOn(call -> call.text().contains("Ask me anything")).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM telegram_update WHERE update_id = ?").param(update.get("update_id").asLong())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStormOf429sDelaysRepliesByRetryAfterAndLosesNone() {
        long first = CHATS.incrementAndGet();
        long second = CHATS.incrementAndGet();
        int refusedBefore = STUB.tooManyRequests();
        STUB.storm(6, 1);
        say(first, "en", "/start");
        say(second, "en", "/help");
        nextMessage(first, 0);
        nextMessage(second, 0);
        assertThat(STUB.tooManyRequests() - refusedBefore).isGreaterThanOrEqualTo(6);
        for (long chat : List.of(first, second)) {
            List<Call> tries = STUB.calls().stream().filter(call -> call.chat() == chat).toList();
            for (int i = 1; i < tries.size(); i++) {
                if (tries.get(i - 1).status() == 429) {
                    assertThat(Duration.ofNanos(tries.get(i).atNanos() - tries.get(i - 1).atNanos()))
                            .isGreaterThanOrEqualTo(Duration.ofMillis(950));
                }
            }
        }
    }

    @Test
    void aCustomerWhoBlockedTheBotIsMarkedUnreachableAndNotTriedAgain() {
        long chat = CHATS.incrementAndGet();
        STUB.block(chat);
        say(chat, "en", "/start");
        await().atMost(SEEN).until(() -> jdbc.sql("SELECT count(*) FROM telegram_chat WHERE chat_id = ? AND unreachable_since IS NOT NULL")
                .param(chat).query(Long.class).single() == 1);
        await().atMost(SEEN).until(() -> unreachable.seen().stream().anyMatch(event -> event.customer()
                .equals(new ChannelAddress("telegram", String.valueOf(chat)))));
        long tries = STUB.calls().stream().filter(call -> call.chat() == chat).count();
        channel.deliver(new Delivery(-chat, conversation(chat), 0, String.valueOf(chat), Author.BOT,
                Reply.message("Are you there?"), Optional.empty(), Instant.now(), 1));
        await().atMost(SEEN).until(() -> jdbc.sql("SELECT count(*) FROM telegram_outbound WHERE chat_id = ? AND status = 'PENDING'")
                .param(chat).query(Long.class).single() == 0);
        assertThat(STUB.calls().stream().filter(call -> call.chat() == chat).count()).isEqualTo(tries);
        assertThat(jdbc.sql("SELECT count(*) FROM telegram_outbound WHERE chat_id = ? AND status = 'FAILED'")
                .param(chat).query(Long.class).single()).isEqualTo(2);
        assertThat(unreachable.seen()).as("the agent is told once").filteredOn(event -> event.customer().recipient()
                .equals(String.valueOf(chat))).hasSize(1);
    }

    @Test
    void theQueueNoticeIsOneMessageEditedInPlace() {
        long chat = CHATS.incrementAndGet();
        say(chat, "en", "/start");
        nextMessage(chat, 0);
        ConversationId id = conversation(chat);
        deliverQueueStatus(chat, id, 9001, "You are number 3 in the queue.");
        Call status = nextMessage(chat, 1);
        deliverQueueStatus(chat, id, 9002, "You are number 2 in the queue.");
        Call edited = awaitCall("editMessageText", call -> call.chat() == chat);
        assertThat(edited.body().path("message_id").asLong()).isEqualTo(messageId(status));
        assertThat(edited.text()).isEqualTo("You are number 2 in the queue.");
        deliverQueueStatus(chat, id, 9003, "You are number 2 in the queue."); // Telegram: "message is not modified"
        await().atMost(SEEN).until(() -> jdbc.sql("SELECT count(*) FROM telegram_outbound WHERE delivery_id = 9003 AND status = 'SENT'")
                .query(Long.class).single() == 1);
        assertThat(STUB.calls("sendMessage", call -> call.chat() == chat)).hasSize(2);
    }

    @Test
    void whenTheQueueMovesTheWaitingCustomersNoticeIsEditedToTheNewPlace() {
        long first = CHATS.incrementAndGet();
        long second = CHATS.incrementAndGet();
        say(first, "en", "/human");
        Call firstNotice = awaitCall("sendMessage", call -> call.chat() == first && call.text().startsWith("You are number"));
        say(second, "en", "/human");
        Call notice = awaitCall("sendMessage", call -> call.chat() == second && call.text().startsWith("You are number"));
        int place = place(notice.text());
        assertThat(place).isGreaterThan(place(firstNotice.text()));

        say(first, "en", "/end");
        Call edited = awaitCall("editMessageText", call -> call.chat() == second && call.text().startsWith("You are number " + (place - 1)));
        assertThat(edited.body().path("message_id").asLong()).isEqualTo(messageId(notice));
        assertThat(STUB.calls("sendMessage", call -> call.chat() == second && call.text().startsWith("You are number"))).hasSize(1);
    }

    @Test
    void aQueueStatusWaitingToBeSentIsReplacedByANewerOne() {
        long chat = CHATS.incrementAndGet();
        say(chat, "en", "/start");
        nextMessage(chat, 0);
        ConversationId id = conversation(chat);
        // A message due in an hour holds the chat's queue, so both statuses wait behind it.
        jdbc.sql("INSERT INTO telegram_outbound (chat_id, kind, text, next_attempt_at, created_at) VALUES (?, 'SEND', 'hold', now() + INTERVAL '1 hour', now())")
                .param(chat).update();
        channel.showQueueStatus(String.valueOf(chat), id, new Reply(Reply.Kind.QUEUE_STATUS, "You are number 3 <now>.", List.of()));
        channel.showQueueStatus(String.valueOf(chat), id, new Reply(Reply.Kind.QUEUE_STATUS, "You are number 2 <now>.", List.of()));
        assertThat(jdbc.sql("SELECT text FROM telegram_outbound WHERE chat_id = ? AND kind = 'QUEUE_STATUS'").param(chat)
                .query(String.class).list()).containsExactly("You are number 2 &lt;now&gt;.");
    }

    private static int place(String status) {
        var number = java.util.regex.Pattern.compile("number (\\d+)").matcher(status);
        assertThat(number.find()).as(status).isTrue();
        return Integer.parseInt(number.group(1));
    }

    @Test
    void aGroupIsToldOnceThatTheBotHelpsInPrivate() {
        STUB.push(BotApiStub.groupText(UPDATE_IDS.incrementAndGet()));
        STUB.push(BotApiStub.groupText(UPDATE_IDS.incrementAndGet()));
        long group = -1001234567890L;
        Call notice = awaitCall("sendMessage", call -> call.chat() == group);
        assertThat(notice.text()).contains("المحادثات الخاصة"); // the sender's Telegram speaks Arabic
        await().atMost(SEEN).until(() -> jdbc.sql("SELECT count(*) FROM telegram_update WHERE chat_id = ? AND processed_at IS NOT NULL")
                .param(group).query(Long.class).single() >= 2);
        assertThat(STUB.calls("sendMessage", call -> call.chat() == group)).hasSize(1);
    }

    private void deliverQueueStatus(long chat, ConversationId id, long delivery, String text) {
        channel.deliver(new Delivery(delivery, id, 0, String.valueOf(chat), Author.SYSTEM,
                new Reply(Reply.Kind.QUEUE_STATUS, text, List.of()), Optional.empty(), Instant.now(), 1));
    }

    private static void say(long chat, String language, String text) {
        STUB.push(BotApiStub.text(UPDATE_IDS.incrementAndGet(), chat, language, text));
    }

    private static void press(long chat, String language, Call message, int button) {
        STUB.push(BotApiStub.press(UPDATE_IDS.incrementAndGet(), chat, language, (int) messageId(message),
                buttons(message).get(button).path("callback_data").asString()));
    }

    private static long messageId(Call sent) {
        return sent.messageId();
    }

    /** The chat's n-th message (from 0), once it is there. */
    private static Call nextMessage(long chat, int n) {
        List<Call> sent = await().atMost(SEEN).until(() -> STUB.calls("sendMessage", call -> call.chat() == chat),
                calls -> calls.size() > n);
        return sent.get(n);
    }

    private static Optional<Call> lastWithButtons(long chat) {
        return STUB.calls("sendMessage", call -> call.chat() == chat).stream()
                .filter(call -> !buttons(call).isEmpty()).reduce((a, b) -> b);
    }

    private static Call awaitCall(String method, java.util.function.Predicate<Call> which) {
        return await().atMost(SEEN).until(() -> STUB.calls(method, which), calls -> !calls.isEmpty()).getLast();
    }

    private static List<JsonNode> buttons(Call message) {
        return message.body().path("reply_markup").path("inline_keyboard").valueStream()
                .flatMap(JsonNode::valueStream).toList();
    }

    private ConversationId conversation(long chat) {
        return await().atMost(SEEN).until(() -> conversations.latest(new ChannelAddress("telegram", String.valueOf(chat))),
                Optional::isPresent).orElseThrow().id();
    }
}
