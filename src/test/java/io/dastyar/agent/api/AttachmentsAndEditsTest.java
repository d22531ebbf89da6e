package io.dastyar.agent.api;

import static io.dastyar.agent.api.StaffApi.assertProblem;
import static io.dastyar.agent.api.StaffApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import io.dastyar.account.Accounts;
import io.dastyar.account.Role;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.EditReceipt;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.handoff.Customers;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.TestPostgres;
import io.dastyar.system.Language;

/**
 * Photos, files, locations and edited messages from a channel, end to end on PostgreSQL: the bot's polite answer, the
 * agent's transcript, the file passed on by the server to those who may read the chat, and edits that keep the first
 * text without the bot answering again.
 */
@HandoffTest
class AttachmentsAndEditsTest {

    private static final Duration DELIVERED = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    RecordingChannel channel;
    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private StaffApi api;
    private Customers customers;
    private String alice;
    private String bob;

    @BeforeEach
    void setUp() {
        api = new StaffApi(port);
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
        alice = StaffApi.account(accounts, "Alice Agent", Role.AGENT);
        bob = StaffApi.account(accounts, "Bob Agent", Role.AGENT);
    }

    @Test
    void inSelfServiceAPhotoGetsAPoliteAnswerInTheCustomersLanguageOfferingAPerson() {
        for (Language language : Language.values()) {
            ChannelAddress customer = Customers.someone();
            Receipt receipt = send(customer, new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, "p-" + UUID.randomUUID()),
                    Optional.of("where is my parcel?")), Optional.of(language));
            assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
            ConversationId id = receipt.conversation().orElseThrow();
            await().atMost(DELIVERED).until(() -> !replies(id).isEmpty());
            Reply reply = replies(id).getLast();
            assertThat(reply.quickReplies()).extracting(QuickReply::payload).containsExactly(QuickReply.PERSON);
            assertThat(reply.text()).as(language.tag()).isNotBlank().doesNotContain("{");
            // The caption is no question for the bot: nothing was answered, the conversation stays with the bot.
            assertThat(replies(id)).hasSize(1);
            assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.BOT);
            TranscriptEntry line = conversations.transcript(id).getFirst();
            assertThat(line.attachment()).map(Attachment::kind).contains(Attachment.Kind.PHOTO);
            assertThat(line.text()).isEqualTo("where is my parcel?");
        }
        // And the button does what it says.
        ChannelAddress customer = Customers.someone();
        ConversationId id = send(customer, new Inbound.Media(Attachment.location(40.4093, 49.8671)), Optional.of(Language.AZ))
                .conversation().orElseThrow();
        send(customer, new Inbound.Button(QuickReply.PERSON), Optional.empty());
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.QUEUED);
    }

    @Test
    void withAnAgentFilesReachTheAgentSilentlyAndOnlyThoseWhoMayReadTheChatCanOpenThem() throws Exception {
        ChannelAddress customer = Customers.someone();
        ConversationId id = holdsAChat(alice, customer);
        String photo = "photo-" + UUID.randomUUID();
        String document = "doc-" + UUID.randomUUID();
        String broken = "gone-" + UUID.randomUUID();
        channel.keepFile(photo, new ChannelFile(SafeFilesTest.JPEG, Optional.of("image/jpeg"), Optional.empty()));
        channel.keepFile(document, new ChannelFile("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                Optional.of("text/html"), Optional.of("x.html")));
        channel.makeUnreachable(broken);
        int repliesBefore = outboxRows(id);

        long photoLine = line(send(customer, new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, photo),
                Optional.of("The box arrived like this")), Optional.empty()));
        long documentLine = line(send(customer, new Inbound.Media(new Attachment(Attachment.Kind.DOCUMENT, document,
                Optional.of("<img src=x onerror=alert(1)>.html"), Optional.of("text/html"))), Optional.empty()));
        long locationLine = line(send(customer, new Inbound.Media(Attachment.location(35.6892, 51.389)), Optional.empty()));
        long goneLine = line(send(customer, new Inbound.Media(Attachment.of(Attachment.Kind.VOICE, "never-kept")),
                Optional.empty()));
        long brokenLine = line(send(customer, new Inbound.Media(Attachment.of(Attachment.Kind.VIDEO, broken)),
                Optional.empty()));
        assertThat(outboxRows(id)).as("the bot stays silent while the customer is with an agent").isEqualTo(repliesBefore);
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.WITH_AGENT);

        JsonNode messages = json(api.call(alice, "GET", "/api/agent/conversations/" + id, null), 200).get("messages");
        JsonNode shownPhoto = lineOf(messages, photoLine);
        assertThat(shownPhoto.get("text").asString()).isEqualTo("The box arrived like this");
        assertThat(shownPhoto.get("attachment").get("kind").asString()).isEqualTo("photo");
        String photoUrl = shownPhoto.get("attachment").get("url").asString();
        assertThat(photoUrl).isEqualTo("/api/agent/conversations/" + id + "/attachments/" + photoLine);
        assertThat(lineOf(messages, documentLine).get("attachment").get("name").asString())
                .isEqualTo("<img src=x onerror=alert(1)>.html");
        JsonNode location = lineOf(messages, locationLine).get("attachment");
        assertThat(location.get("latitude").asDouble()).isEqualTo(35.6892);
        assertThat(location.get("longitude").asDouble()).isEqualTo(51.389);
        assertThat(location.get("url").isNull()).isTrue();

        HttpResponse<byte[]> image = download(alice, photoUrl);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.body()).isEqualTo(SafeFilesTest.JPEG);
        assertThat(image.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        HttpResponse<byte[]> file = download(alice, attachment(id, documentLine));
        assertThat(file.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");

        // Another agent may not; a supervisor and an admin may, as they may read the chat.
        assertProblem(api.call(bob, "GET", photoUrl, null), 403, "not-yours");
        String sue = StaffApi.account(accounts, "Sue Supervisor", Role.SUPERVISOR);
        assertThat(download(sue, photoUrl).statusCode()).isEqualTo(200);
        assertThat(download("admin", TestPostgres.ADMIN_PASSWORD, photoUrl).statusCode()).isEqualTo(200);

        // Mistakes are 404s with a problem detail; a channel that fails is the channel's fault, not the agent's.
        assertProblem(api.call(alice, "GET", attachment(id, locationLine), null), 404, "unknown-attachment");
        assertProblem(api.call(alice, "GET", attachment(id, 9_999_999_999L), null), 404, "unknown-attachment");
        assertProblem(api.call(alice, "GET", "/api/agent/conversations/" + id + "/attachments/abc", null), 404,
                "unknown-attachment");
        assertProblem(api.call(alice, "GET", attachment(new ConversationId(UUID.randomUUID()), photoLine), null), 404,
                "unknown-conversation");
        assertProblem(api.call(alice, "GET", "/api/agent/conversations/nope/attachments/1", null), 404,
                "unknown-conversation");
        assertProblem(api.call(alice, "GET", attachment(id, goneLine), null), 404, "attachment-gone");
        assertProblem(api.call(alice, "GET", attachment(id, brokenLine), null), 502, "attachment-unavailable");
        ConversationId someoneElses = customers.asksForPerson(Customers.someone(), Language.EN);
        assertProblem(api.call(alice, "GET", attachment(someoneElses, photoLine), null), 403, "not-yours");
        assertProblem(api.call("admin", TestPostgres.ADMIN_PASSWORD, "GET", attachment(someoneElses, photoLine), null),
                404, "unknown-attachment");
    }

    @Test
    void anEditChangesTheLineKeepsTheFirstTextAndTheBotDoesNotAnswerAgain() throws Exception {
        ChannelAddress customer = Customers.someone();
        String clientId = UUID.randomUUID().toString();
        Receipt asked = conversations.receive(new Inbound(customer, clientId, new Inbound.Text("Where is order 1234?"),
                Optional.of(Language.EN)));
        ConversationId id = asked.conversation().orElseThrow();
        int replies = outboxRows(id);
        assertThat(replies).isPositive();

        EditReceipt edited = conversations.edit(customer, clientId, "Where is order 1243?");
        assertThat(edited.outcome()).isEqualTo(EditReceipt.Outcome.EDITED);
        assertThat(edited.line()).isEqualTo(asked.line());
        assertThat(conversations.edit(customer, clientId, "Where is order 1243, please?").outcome())
                .isEqualTo(EditReceipt.Outcome.EDITED);
        TranscriptEntry line = conversations.transcript(id).getFirst();
        assertThat(line.text()).isEqualTo("Where is order 1243, please?");
        assertThat(line.edited()).map(TranscriptEntry.Edited::originalText).contains("Where is order 1234?");
        assertThat(outboxRows(id)).as("the bot does not answer an edit").isEqualTo(replies);

        assertThat(conversations.edit(customer, clientId, "Where is order 1243, please?").outcome())
                .isEqualTo(EditReceipt.Outcome.UNCHANGED);
        assertThat(conversations.edit(customer, "never-sent", "Hello").outcome())
                .isEqualTo(EditReceipt.Outcome.UNKNOWN_MESSAGE);
        assertThat(conversations.edit(Customers.someone(), clientId, "Hello").outcome())
                .as("another customer's message with the same id").isEqualTo(EditReceipt.Outcome.UNKNOWN_MESSAGE);
        assertThat(conversations.edit(customer, clientId, " \u200B ").outcome()).isEqualTo(EditReceipt.Outcome.REFUSED);
        assertThat(conversations.edit(customer, clientId, "x".repeat(conversations.maxMessageLength() + 1)).outcome())
                .isEqualTo(EditReceipt.Outcome.REFUSED);
        assertThat(conversations.transcript(id).getFirst().text()).isEqualTo("Where is order 1243, please?");

        // With an agent: the agent's transcript shows the edit; a photo's caption may be taken away.
        send(customer, new Inbound.Button(QuickReply.PERSON), Optional.empty());
        holdsAChat(alice, id);
        String photoId = UUID.randomUUID().toString();
        long photoLine = line(conversations.receive(new Inbound(customer, photoId, new Inbound.Media(
                Attachment.of(Attachment.Kind.PHOTO, "p"), Optional.of("receipt")), Optional.empty())));
        assertThat(conversations.edit(customer, photoId, "").outcome()).isEqualTo(EditReceipt.Outcome.EDITED);
        JsonNode messages = json(api.call(alice, "GET", "/api/agent/conversations/" + id, null), 200).get("messages");
        assertThat(lineOf(messages, photoLine).get("text").asString()).isEmpty();
        assertThat(lineOf(messages, photoLine).get("edited").get("originalText").asString()).isEqualTo("receipt");
        assertThat(lineOf(messages, asked.line().orElseThrow()).get("edited").get("at").asString()).isNotBlank();
    }

    /** The customer asks for a person and the agent takes the chat. */
    private ConversationId holdsAChat(String agent, ChannelAddress customer) throws Exception {
        return holdsAChat(agent, customers.asksForPerson(customer, Language.EN));
    }

    private ConversationId holdsAChat(String agent, ConversationId id) throws Exception {
        assertThat(api.call(agent, "POST", "/api/agent/presence", "{\"presence\":\"AWAY\"}").statusCode()).isEqualTo(204);
        json(api.call(agent, "POST", "/api/agent/conversations/" + id + "/claim", null), 200);
        return id;
    }

    private Receipt send(ChannelAddress customer, Inbound.Content content, Optional<Language> language) {
        return conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), content, language));
    }

    private static long line(Receipt receipt) {
        assertThat(receipt.outcome()).isEqualTo(Receipt.Outcome.ACCEPTED);
        return receipt.line().orElseThrow();
    }

    private static JsonNode lineOf(JsonNode messages, long line) {
        for (JsonNode message : messages) {
            if (message.get("line") != null && message.get("line").asLong() == line) {
                return message;
            }
        }
        throw new AssertionError("no line " + line + " in " + messages);
    }

    private static String attachment(ConversationId id, long line) {
        return "/api/agent/conversations/" + id + "/attachments/" + line;
    }

    private HttpResponse<byte[]> download(String user, String path) throws Exception {
        return download(user, StaffApi.PASSWORD, path);
    }

    /** As the console's image or link asks for it: any type, with the user's credentials. */
    private HttpResponse<byte[]> download(String user, String password, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(api.uri(path)).header("Authorization", "Basic " + basic)
                .header("Accept", "image/avif,image/webp,*/*").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private int outboxRows(ConversationId id) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE conversation_id = ?").param(id.value()).query(Integer.class).single();
    }

    private List<Reply> replies(ConversationId id) {
        return channel.to(id).stream().map(received -> received.delivery().reply()).toList();
    }
}
