package io.dastyar.agent.api;

import static io.dastyar.agent.api.StaffApi.assertProblem;
import static io.dastyar.agent.api.StaffApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.handoff.Customers;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.support.RecordingChannel;
import io.dastyar.support.TestPostgres;
import io.dastyar.system.Language;

/** The agent API over HTTP on a real server, as the console or a script uses it. */
@HandoffTest
class AgentApiTest {

    private static final String PASSWORD = StaffApi.PASSWORD;
    private static final Duration ROUTED = Duration.ofSeconds(10);

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
    void aCustomerIsHelpedByOneAgentThenAnotherWhoResolvesAndTheCustomerIsAskedForARating() throws Exception {
        ChannelAddress customer = Customers.someone();
        ConversationId id = customers.asksForPerson(customer, Language.EN);
        JsonNode queue = json(api.call(alice, "GET", "/api/agent/queue", null), 200);
        assertThat(queue).anySatisfy(entry -> {
            assertThat(entry.get("conversation").asString()).isEqualTo(id.toString());
            assertThat(entry.get("place").asInt()).isEqualTo(1);
            assertThat(entry.get("language").asString()).isEqualTo("en");
            assertThat(entry.get("channel").asString()).isEqualTo(RecordingChannel.NAME);
        });

        assertThat(api.call(alice, "POST", "/api/agent/presence", "{\"presence\":\"ONLINE\"}").statusCode()).isEqualTo(204);
        await().atMost(ROUTED).until(() -> holds(alice, id));
        assertThat(json(api.call(alice, "GET", "/api/agent/queue", null), 200)).isEmpty();

        JsonNode sent = json(api.call(alice, "POST", path(id, "messages"), "{\"text\":\"Hello, I'm Alice. How can I help?\"}"), 201);
        long line = sent.get("line").asLong();
        await().atMost(ROUTED).until(() -> replies(id).stream().anyMatch(r -> r.text().startsWith("Hello, I'm Alice")));
        Reply fromAlice = replies(id).stream().filter(r -> r.text().startsWith("Hello, I'm Alice")).findFirst().orElseThrow();
        assertThat(fromAlice.agentName()).isEqualTo("Alice Agent");
        assertThat(log(id)).contains("FIRST_REPLY");

        assertThat(api.call(alice, "POST", path(id, "notes"), "{\"text\":\"Wants a refund; VIP\"}").statusCode()).isEqualTo(201);
        JsonNode chat = json(api.call(alice, "GET", "/api/agent/conversations/" + id, null), 200);
        assertThat(chat.get("state").asString()).isEqualTo("WITH_AGENT");
        assertThat(chat.get("messages")).anySatisfy(m -> {
            assertThat(m.get("kind").asString()).isEqualTo("message");
            assertThat(m.get("line").asLong()).isEqualTo(line);
            assertThat(m.get("name").asString()).isEqualTo("Alice Agent");
        });
        assertThat(chat.get("messages")).anySatisfy(m -> {
            assertThat(m.get("kind").asString()).isEqualTo("note");
            assertThat(m.get("text").asString()).isEqualTo("Wants a refund; VIP");
        });
        // Bob does not hold it: he may not read or act on it.
        assertProblem(api.call(bob, "GET", "/api/agent/conversations/" + id, null), 403, "not-yours");
        assertProblem(api.call(bob, "POST", path(id, "messages"), "{\"text\":\"Hi\"}"), 403, "not-yours");
        assertProblem(api.call(bob, "POST", path(id, "resolve"), null), 403, "not-yours");
        assertProblem(api.call(bob, "POST", path(id, "transfer"), "{\"agent\":\"" + alice + "\"}"), 403, "not-yours");
        assertProblem(api.call(bob, "POST", path(id, "claim"), null), 409, "taken-by-another");
        // An admin may read any conversation.
        assertThat(api.call("admin", TestPostgres.ADMIN_PASSWORD, "GET", "/api/agent/conversations/" + id, null)
                .statusCode()).isEqualTo(200);

        assertProblem(api.call(alice, "POST", path(id, "transfer"), "{\"agent\":\"" + bob + "\"}"), 409, "agent-offline");
        assertThat(api.call(bob, "POST", "/api/agent/presence", "{\"presence\":\"ONLINE\"}").statusCode()).isEqualTo(204);
        JsonNode transferred = json(api.call(alice, "POST", path(id, "transfer"), "{\"agent\":\"" + bob + "\"}"), 200);
        assertThat(transferred.get("target").get("agent").asString()).isEqualTo(bob);
        await().atMost(ROUTED).until(() -> holds(bob, id));
        assertThat(holds(alice, id)).isFalse();
        assertThat(log(id)).containsSubsequence("ASSIGNED", "TRANSFERRED", "ASSIGNED");
        assertProblem(api.call(alice, "POST", path(id, "messages"), "{\"text\":\"Still there?\"}"), 403, "not-yours");

        assertThat(api.call(bob, "POST", path(id, "resolve"), null).statusCode()).isEqualTo(200);
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.AWAITING_RATING);
        await().atMost(ROUTED).until(() -> replies(id).stream().anyMatch(r -> r.quickReplies().stream()
                .map(QuickReply::payload).toList().equals(List.of("rate:1", "rate:2", "rate:3", "rate:4", "rate:5"))));
        assertProblem(api.call(bob, "POST", path(id, "resolve"), null), 409, "already-closed");
        assertThat(json(api.call(bob, "GET", "/api/agent/conversations", null), 200)).isEmpty();
        assertThat(log(id)).endsWith("RESOLVED");

        // The note never reached the customer.
        Thread.sleep(500);
        assertThat(replies(id)).noneMatch(r -> r.text().contains("VIP"));
    }

    @Test
    void everyMistakeGetsItsProblemDetailAndNeverA5xx() throws Exception {
        api.call(alice, "POST", "/api/agent/presence", "{\"presence\":\"AWAY\"}");
        jdbc.sql("UPDATE handoff_agent SET capacity = 1 WHERE username = ?").param(alice).update();
        ConversationId mine = customers.asksForPerson(Customers.someone(), Language.EN);
        ConversationId other = customers.asksForPerson(Customers.someone(), Language.EN);
        JsonNode claimed = json(api.call(alice, "POST", path(mine, "claim"), null), 200);
        assertThat(claimed.get("conversation").asString()).isEqualTo(mine.toString());
        assertThat(json(api.call(alice, "GET", "/api/agent/conversations", null), 200))
                .extracting(c -> c.get("conversation").asString()).containsExactly(mine.toString());

        assertProblem(api.call(alice, "POST", path(mine, "messages"), "{\"text\":\"   \"}"), 400, "invalid-message");
        assertProblem(api.call(alice, "POST", path(mine, "messages"), "{}"), 400, "invalid-message");
        assertProblem(api.call(alice, "POST", path(mine, "messages"), "{\"text\":\"" + "x".repeat(4_001) + "\"}"), 400,
                "invalid-message");
        assertProblem(api.call(alice, "POST", path(mine, "notes"), "{\"text\":\"\"}"), 400, "invalid-message");
        assertProblem(api.call(alice, "POST", path(mine, "messages"), "{not json"), 400, "invalid-request");
        assertProblem(api.call(alice, "POST", path(mine, "transfer"), "{}"), 400, "invalid-request");
        assertProblem(api.call(alice, "POST", path(mine, "transfer"), "{\"agent\":\"a\",\"team\":\"b\"}"), 400,
                "invalid-request");
        assertProblem(api.call(alice, "POST", "/api/agent/presence", "{\"presence\":\"DANCING\"}"), 400, "invalid-request");
        assertProblem(api.call(alice, "POST", "/api/agent/presence", "{}"), 400, "invalid-request");

        String unknown = UUID.randomUUID().toString();
        for (String id : List.of(unknown, "not-a-uuid")) {
            assertProblem(api.call(alice, "GET", "/api/agent/conversations/" + id, null), 404, "unknown-conversation");
            assertProblem(api.call(alice, "POST", "/api/agent/conversations/" + id + "/claim", null), 404,
                    "unknown-conversation");
            assertProblem(api.call(alice, "POST", "/api/agent/conversations/" + id + "/messages", "{\"text\":\"Hi\"}"), 404,
                    "unknown-conversation");
            assertProblem(api.call(alice, "POST", "/api/agent/conversations/" + id + "/resolve", null), 404,
                    "unknown-conversation");
        }

        assertProblem(api.call(alice, "POST", path(other, "claim"), null), 409, "agent-full");
        assertProblem(api.call(alice, "POST", path(other, "messages"), "{\"text\":\"Hi\"}"), 403, "not-yours");
        assertProblem(api.call(alice, "POST", path(mine, "transfer"), "{\"agent\":\"nobody-" + UUID.randomUUID() + "\"}"),
                422, "unknown-agent");
        assertProblem(api.call(alice, "POST", path(mine, "transfer"), "{\"team\":\"no-such-team\"}"), 422, "unknown-team");
        assertProblem(api.call(alice, "POST", path(mine, "transfer"), "{\"agent\":\"" + bob + "\"}"), 409, "agent-offline");

        assertThat(api.call(alice, "POST", path(mine, "resolve"), null).statusCode()).isEqualTo(200);
        assertProblem(api.call(alice, "POST", path(mine, "resolve"), null), 409, "already-closed");
        assertProblem(api.call(alice, "POST", path(mine, "messages"), "{\"text\":\"Hi\"}"), 409, "already-closed");
        assertProblem(api.call(alice, "POST", path(mine, "claim"), null), 409, "not-waiting");
        // A chat the customer ended.
        assertThat(api.call(alice, "POST", path(other, "claim"), null).statusCode()).isEqualTo(200);
        conversations.fire(other, io.dastyar.conversation.ConversationEvent.INACTIVITY_TIMEOUT);
        assertProblem(api.call(alice, "POST", path(other, "resolve"), null), 409, "already-closed");
    }

    @Test
    void strangersAreTurnedAwayAndASessionNeedsItsCsrfToken() throws Exception {
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(api.uri("/api/agent/queue"))
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(api.call(alice, "wrong password!", "GET", "/api/agent/queue", null).statusCode()).isEqualTo(401);

        String session = signIn(alice);
        HttpResponse<String> withSession = http.send(HttpRequest.newBuilder(api.uri("/api/agent/conversations"))
                .header("Cookie", session).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(withSession.statusCode()).isEqualTo(200);
        HttpResponse<String> noToken = http.send(HttpRequest.newBuilder(api.uri("/api/agent/presence"))
                .header("Cookie", session).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"presence\":\"ONLINE\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM handoff_agent WHERE username = ?").param(alice).query(Integer.class)
                .single()).isZero();
    }

    /** Form sign-in as the console does it: the session cookie. */
    private String signIn(String username) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(api.uri("/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=" + PASSWORD.replace(" ", "+") + "&_csrf=" + token.group(1);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(api.uri("/login")).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return signedIn.headers().firstValue("Set-Cookie").orElse(cookie).split(";")[0];
    }

    private boolean holds(String agent, ConversationId id) throws Exception {
        JsonNode chats = json(api.call(agent, "GET", "/api/agent/conversations", null), 200);
        for (JsonNode chat : chats) {
            if (chat.get("conversation").asString().equals(id.toString())) {
                return true;
            }
        }
        return false;
    }

    private List<Reply> replies(ConversationId id) {
        return channel.to(id).stream().map(r -> r.delivery().reply()).toList();
    }

    private List<String> log(ConversationId id) {
        return jdbc.sql("SELECT kind FROM handoff_log WHERE conversation_id = ? ORDER BY id").param(id.value())
                .query(String.class).list();
    }

    private static String path(ConversationId id, String action) {
        return "/api/agent/conversations/" + id + "/" + action;
    }
}
