package io.dastyar.agent.api;

import static io.dastyar.agent.api.StaffApi.assertProblem;
import static io.dastyar.agent.api.StaffApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import io.dastyar.account.Accounts;
import io.dastyar.account.Role;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.handoff.Customers;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.support.TestPostgres;
import io.dastyar.system.Language;

/** Supervisors see every chat and reassign them; agents do neither, and never act on a colleague's chat. */
@HandoffTest
class SupervisorApiTest {

    private static final Duration ROUTED = Duration.ofSeconds(10);

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    private StaffApi api;
    private Customers customers;
    private String alice;
    private String bob;
    private String sue;

    @BeforeEach
    void setUp() {
        api = new StaffApi(port);
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
        alice = StaffApi.account(accounts, "Alice Agent", Role.AGENT);
        bob = StaffApi.account(accounts, "Bob Agent", Role.AGENT);
        sue = StaffApi.account(accounts, "Sue Supervisor", Role.SUPERVISOR);
    }

    @Test
    void aSupervisorSeesEveryChatAndReassignsOneWhileAgentsMayNot() throws Exception {
        online(alice, "en");
        ConversationId alices = customers.asksForPerson(Customers.someone(), Language.EN);
        await().atMost(ROUTED).until(() -> holds(alice, alices));
        // Nobody online speaks Arabic: this one waits.
        ConversationId waiting = customers.asksForPerson(Customers.someone(), Language.AR);

        for (String agent : List.of(alice, bob)) {
            assertProblem(api.call(agent, "GET", "/api/agent/all-conversations", null), 403, "supervisors-only");
            assertProblem(api.call(agent, "POST", reassign(alices), "{\"agent\":\"" + bob + "\"}"), 403,
                    "supervisors-only");
        }
        assertProblem(api.call(bob, "POST", path(alices, "messages"), "{\"text\":\"Hi\"}"), 403, "not-yours");
        assertProblem(api.call(bob, "GET", "/api/agent/conversations/" + alices, null), 403, "not-yours");

        JsonNode all = json(api.call(sue, "GET", "/api/agent/all-conversations", null), 200);
        assertThat(all).hasSize(2);
        assertThat(all.get(0).get("conversation").asString()).isEqualTo(waiting.toString());
        assertThat(all.get(0).get("status").asString()).isEqualTo("WAITING");
        assertThat(all.get(0).get("language").asString()).isEqualTo("ar");
        assertThat(all.get(1).get("conversation").asString()).isEqualTo(alices.toString());
        assertThat(all.get(1).get("status").asString()).isEqualTo("WITH_AGENT");
        assertThat(all.get(1).get("agent").asString()).isEqualTo(alice);
        assertThat(all.get(1).get("agentName").asString()).isEqualTo("Alice Agent");
        // An admin sees them too; a supervisor reads any chat but writes only in chats they hold.
        assertThat(json(api.call("admin", TestPostgres.ADMIN_PASSWORD, "GET", "/api/agent/all-conversations", null),
                200)).hasSize(2);
        assertThat(api.call(sue, "GET", "/api/agent/conversations/" + alices, null).statusCode()).isEqualTo(200);
        assertProblem(api.call(sue, "POST", path(alices, "messages"), "{\"text\":\"Hi\"}"), 403, "not-yours");

        assertProblem(api.call(sue, "POST", reassign(alices), "{\"agent\":\"" + bob + "\"}"), 409, "agent-offline");
        online(bob, "fa");
        assertProblem(api.call(sue, "POST", reassign(alices), "{\"agent\":\"" + bob + "\"}"), 409,
                "agent-lacks-language");
        online(bob, "en");
        JsonNode done = json(api.call(sue, "POST", reassign(alices), "{\"agent\":\"" + bob + "\"}"), 200);
        assertThat(done.get("agent").asString()).isEqualTo(bob);
        await().atMost(ROUTED).until(() -> holds(bob, alices));
        assertThat(holds(alice, alices)).isFalse();
        assertThat(log(alices)).containsSubsequence("ASSIGNED " + alice + " -", "TRANSFERRED " + alice + " " + sue,
                "ASSIGNED " + bob + " -");

        // Taking a waiting chat oneself: the supervisor holds it at once.
        json(api.call(sue, "POST", reassign(waiting), "{\"agent\":\"" + sue + "\"}"), 200);
        assertThat(holds(sue, waiting)).isTrue();
        assertThat(log(waiting)).containsSubsequence("TRANSFERRED - " + sue, "ASSIGNED " + sue + " -");
    }

    @Test
    void badReassignmentsGetProblemDetails() throws Exception {
        ConversationId waiting = customers.asksForPerson(Customers.someone(), Language.EN);
        assertProblem(api.call(sue, "POST", reassign(waiting), "{}"), 400, "invalid-request");
        assertProblem(api.call(sue, "POST", reassign(waiting), "{\"agent\":\"  \"}"), 400, "invalid-request");
        assertProblem(api.call(sue, "POST", reassign(waiting), "{\"agent\":\"nobody-" + UUID.randomUUID() + "\"}"),
                422, "unknown-agent");
        String unknown = "/api/agent/conversations/" + UUID.randomUUID() + "/reassign";
        assertProblem(api.call(sue, "POST", unknown, "{\"agent\":\"" + alice + "\"}"), 404, "unknown-conversation");
        assertProblem(api.call(sue, "POST", "/api/agent/conversations/nope/reassign", "{\"agent\":\"" + alice + "\"}"),
                404, "unknown-conversation");
    }

    /** Registered away first, so routing sees the agent only once they speak just these languages. */
    private void online(String agent, String languages) throws Exception {
        assertThat(api.call(agent, "POST", "/api/agent/presence", "{\"presence\":\"AWAY\"}").statusCode())
                .isEqualTo(204);
        jdbc.sql("UPDATE handoff_agent SET languages = ? WHERE username = ?").params(languages, agent).update();
        assertThat(api.call(agent, "POST", "/api/agent/presence", "{\"presence\":\"ONLINE\"}").statusCode())
                .isEqualTo(204);
    }

    private boolean holds(String agent, ConversationId id) throws Exception {
        return json(api.call(agent, "GET", "/api/agent/conversations", null), 200).valueStream()
                .anyMatch(chat -> chat.get("conversation").asString().equals(id.toString()));
    }

    /** "KIND agent actor" per row, "-" for none. */
    private List<String> log(ConversationId id) {
        return jdbc.sql("SELECT kind, agent, actor FROM handoff_log WHERE conversation_id = ? ORDER BY id")
                .param(id.value())
                .query((rs, row) -> rs.getString(1) + " " + orDash(rs.getString(2)) + " " + orDash(rs.getString(3)))
                .list();
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }

    private static String reassign(ConversationId id) {
        return path(id, "reassign");
    }

    private static String path(ConversationId id, String action) {
        return "/api/agent/conversations/" + id + "/" + action;
    }
}
