package io.dastyar.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.channel.telegram.BotApiStub.Call;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;

/**
 * Photos, files and edited messages from Telegram, end to end: the real client polls the Bot API stub, the whole
 * application answers on a real server, and the agent fetches the customer's photo through the agent API, which gets
 * it from the stub with the bot's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "support.telegram.token=" + TelegramMediaTest.TOKEN,
        "support.telegram.poll-timeout=1s",
        "support.telegram.lease=6s",
        "support.knowledge-base.semantic.enabled=false"})
@Import(TestSupportConfig.class)
class TelegramMediaTest {

    static final String TOKEN = "4343:MEDIA-token_for-the-stub";
    private static final BotApiStub STUB = new BotApiStub();
    private static final AtomicLong UPDATE_IDS = new AtomicLong(800_000);
    private static final AtomicLong CHATS = new AtomicLong(900_000);
    private static final Duration SEEN = Duration.ofSeconds(20);
    private static final String LARGEST_PHOTO = "AgADAgADOagxG8vyeUvsltCem_XPv5A6Sw0ABNXULc5u7jny5VkRAAEC";
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final String PASSWORD = "a long enough password";

    @DynamicPropertySource
    static void telegram(DynamicPropertyRegistry registry) {
        registry.add("support.telegram.api-url", STUB::url);
        registry.add("spring.datasource.url", () -> TestPostgres.ownDatabase("telegram_media_tests"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        registry.add("support.account.initial-admin-password", () -> TestPostgres.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stopStub() {
        STUB.close();
    }

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TelegramChannel channel;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aPhotoWithAnAgentReachesTheAgentWhoOpensItThroughTheServer() throws Exception {
        long chat = CHATS.incrementAndGet();
        say(chat, "/start");
        nextMessage(chat, 0);
        say(chat, "/human");
        ConversationId id = conversation(chat);
        await().atMost(SEEN).until(() -> conversations.find(id).orElseThrow().state() == ConversationState.QUEUED);
        String alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(alice, "Alice Agent", PASSWORD, Role.AGENT));
        assertThat(call(alice, "POST", "/api/agent/presence", "{\"presence\":\"AWAY\"}").statusCode()).isEqualTo(204);
        assertThat(call(alice, "POST", "/api/agent/conversations/" + id + "/claim", null).statusCode()).isEqualTo(200);
        STUB.keepFile(LARGEST_PHOTO, JPEG);
        int outbox = outboxRows(id);

        STUB.push(BotApiStub.media(UPDATE_IDS.incrementAndGet(), chat, "en", "message_with_photo.json"));
        TranscriptEntry photo = await().atMost(SEEN).until(() -> lineWithAttachment(id), Optional::isPresent).orElseThrow();
        assertThat(photo.attachment().orElseThrow().kind()).isEqualTo(Attachment.Kind.PHOTO);
        assertThat(photo.attachment().orElseThrow().reference()).as("the largest size").isEqualTo(LARGEST_PHOTO);
        assertThat(photo.text()).isEqualTo("photo description");
        assertThat(outboxRows(id)).as("the bot stays silent while the customer is with an agent").isEqualTo(outbox);

        HttpResponse<byte[]> image = http.send(request(alice, "GET", "/api/agent/conversations/" + id + "/attachments/"
                + photo.id(), null).header("Accept", "image/*").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(JPEG);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(STUB.downloads()).anySatisfy(path -> assertThat(path).startsWith("/file/bot" + TOKEN + "/photos/"));
    }

    @Test
    void aPhotoInSelfServiceGetsThePoliteTextOnlyAnswerWithAPersonButton() {
        long chat = CHATS.incrementAndGet();
        say(chat, "/start");
        nextMessage(chat, 0);
        STUB.push(BotApiStub.media(UPDATE_IDS.incrementAndGet(), chat, "en", "message_with_document.json"));
        Call answer = nextMessage(chat, 1);
        assertThat(answer.text()).contains("only read text");
        List<JsonNode> buttons = answer.body().path("reply_markup").path("inline_keyboard").valueStream()
                .flatMap(JsonNode::valueStream).toList();
        assertThat(buttons).singleElement().satisfies(button -> assertThat(button.path("text").asString()).contains("person"));
        ConversationId id = conversation(chat);
        Attachment document = lineWithAttachment(id).orElseThrow().attachment().orElseThrow();
        assertThat(document.kind()).isEqualTo(Attachment.Kind.DOCUMENT);
        assertThat(document.fileName()).contains("test.docx");
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.BOT);

        STUB.push(BotApiStub.press(UPDATE_IDS.incrementAndGet(), chat, "en", (int) answer.messageId(),
                buttons.getFirst().path("callback_data").asString()));
        await().atMost(SEEN).until(() -> conversations.find(id).orElseThrow().state() == ConversationState.QUEUED);
    }

    @Test
    void anEditedMessageChangesItsTranscriptLineAndTheBotDoesNotAnswerAgain() {
        long chat = CHATS.incrementAndGet();
        say(chat, "/start");
        nextMessage(chat, 0);
        long asked = UPDATE_IDS.incrementAndGet();
        STUB.push(BotApiStub.text(asked, chat, "en", "Where is order 1234?"));
        nextMessage(chat, 1);
        ConversationId id = conversation(chat);
        int outbox = outboxRows(id);

        STUB.push(BotApiStub.edited(UPDATE_IDS.incrementAndGet(), chat, "en", asked, "Where is order 1243?"));
        TranscriptEntry line = await().atMost(SEEN).until(() -> conversations.transcript(id).stream()
                .filter(entry -> entry.edited().isPresent()).findFirst(), Optional::isPresent).orElseThrow();
        assertThat(line.text()).isEqualTo("Where is order 1243?");
        assertThat(line.edited().orElseThrow().originalText()).isEqualTo("Where is order 1234?");
        assertThat(outboxRows(id)).isEqualTo(outbox);
    }

    @Test
    void aFileTelegramNoLongerHasIsNoneAndOneOver20MegabytesIsRefusedUndownloaded() throws Exception {
        assertThat(channel.file("never-sent-" + UUID.randomUUID())).isEmpty();
        STUB.keepFile("huge", new byte[ChannelFile.MAX_BYTES + 1]);
        assertThatThrownBy(() -> channel.file("huge")).isInstanceOf(ChannelFile.TooLarge.class);
        STUB.keepFileOfSize("local-huge", ChannelFile.MAX_BYTES + 1L);
        int downloads = STUB.downloads().size();
        assertThatThrownBy(() -> channel.file("local-huge")).isInstanceOf(ChannelFile.TooLarge.class);
        assertThat(STUB.downloads()).hasSize(downloads);
    }

    private static void say(long chat, String text) {
        STUB.push(BotApiStub.text(UPDATE_IDS.incrementAndGet(), chat, "en", text));
    }

    private static Call nextMessage(long chat, int n) {
        return await().atMost(SEEN).until(() -> STUB.calls("sendMessage", call -> call.chat() == chat),
                calls -> calls.size() > n).get(n);
    }

    private Optional<TranscriptEntry> lineWithAttachment(ConversationId id) {
        return conversations.transcript(id).stream().filter(entry -> entry.attachment().isPresent()).findFirst();
    }

    private ConversationId conversation(long chat) {
        return await().atMost(SEEN).until(() -> conversations.latest(new ChannelAddress("telegram", String.valueOf(chat))),
                Optional::isPresent).orElseThrow().id();
    }

    private int outboxRows(ConversationId id) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE conversation_id = ?").param(id.value()).query(Integer.class).single();
    }

    private HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        return http.send(request(user, method, path, body).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String user, String method, String path, String body) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + basic);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
    }
}
