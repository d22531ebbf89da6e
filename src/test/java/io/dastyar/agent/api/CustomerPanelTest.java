package io.dastyar.agent.api;

import static io.dastyar.agent.api.StaffApi.assertProblem;
import static io.dastyar.agent.api.StaffApi.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
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
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.handoff.Customers;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.system.Language;

/** The customer panel: channel and language, no invented local time, earlier conversations, the bot's part. */
@HandoffTest
class CustomerPanelTest {

    private static final String DELIVERY = "How long does delivery take?";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    ScriptedAnswers answers;
    @Autowired
    JdbcClient jdbc;

    private StaffApi api;
    private Customers customers;
    private String alice;

    @BeforeEach
    void setUp() {
        api = new StaffApi(port);
        customers = new Customers(conversations, jdbc);
        customers.cleanSlate();
        alice = StaffApi.account(accounts, "Alice Agent", Role.AGENT);
        answers.teach(DELIVERY, new Answer("delivery-time", Language.EN, "Delivery time", "Two to four days.", 0.82,
                false));
    }

    @Test
    void theAgentSeesTheCustomersEarlierConversationWithItsTopicArticleAndRatingAndTheBotsPartOfThisOne()
            throws Exception {
        handoff.presence(alice, Presence.ONLINE);
        ChannelAddress customer = Customers.someone();
        ConversationId first = customers.say(customer, Language.EN, DELIVERY).conversation().orElseThrow();
        press(customer, QuickReply.PERSON);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(alice, first));
        assertThat(api.call(alice, "POST", "/api/agent/conversations/" + first + "/resolve", null).statusCode())
                .isEqualTo(200);
        customers.rateAndClose(customer);

        ConversationId second = customers.say(customer, Language.EN, "Where is my parcel?").conversation().orElseThrow();
        assertThat(second).isNotEqualTo(first);
        press(customer, QuickReply.PERSON);
        await().atMost(Duration.ofSeconds(10)).until(() -> handoff.holds(alice, second));

        JsonNode panel = json(api.call(alice, "GET", "/api/agent/conversations/" + second + "/customer", null), 200);
        assertThat(panel.get("channel").asString()).isEqualTo("test");
        assertThat(panel.get("language").asString()).isEqualTo("en");
        // No channel tells us the customer's time zone: the panel says nothing it does not know.
        assertThat(panel.get("timeZone").isNull()).isTrue();
        assertThat(panel.get("past")).hasSize(1);
        JsonNode past = panel.get("past").get(0);
        assertThat(past.get("conversation").asString()).isEqualTo(first.toString());
        assertThat(past.get("topic").asString()).isEqualTo(DELIVERY);
        assertThat(past.get("articles")).hasSize(1);
        assertThat(past.get("articles").get(0).get("id").asString()).isEqualTo("delivery-time");
        assertThat(past.get("articles").get(0).get("title").asString()).isEqualTo("Delivery time");
        assertThat(past.get("csat").asInt()).isEqualTo(5);
        assertThat(past.get("csatComment").asString()).isEqualTo("Thanks");
        assertThat(panel.get("botPart")).hasSize(1);
        assertThat(panel.get("botPart").get(0).get("question").asString()).isEqualTo("Where is my parcel?");
        assertThat(panel.get("botPart").get(0).get("article").isNull()).isTrue();

        // The earlier one, as a supervisor reads it: the article's score and the customer's verdict on it.
        String sue = StaffApi.account(accounts, "Sue Supervisor", Role.SUPERVISOR);
        JsonNode earlier = json(api.call(sue, "GET", "/api/agent/conversations/" + first + "/customer", null), 200);
        JsonNode turn = earlier.get("botPart").get(0);
        assertThat(turn.get("article").get("score").asDouble()).isEqualTo(0.82);
        assertThat(turn.get("verdict").asString()).isEqualTo("HANDED_OFF");
        assertThat(earlier.get("past")).extracting(p -> p.get("conversation").asString())
                .containsExactly(second.toString());
    }

    @Test
    void nobodyElseReadsItAndAnUnknownChatIsNamed() throws Exception {
        ConversationId waiting = customers.asksForPerson(Customers.someone(), Language.EN);
        assertProblem(api.call(alice, "GET", "/api/agent/conversations/" + waiting + "/customer", null), 403,
                "not-yours");
        assertProblem(api.call(alice, "GET", "/api/agent/conversations/" + UUID.randomUUID() + "/customer", null), 404,
                "unknown-conversation");
    }

    private void press(ChannelAddress customer, String button) {
        conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Button(button),
                Optional.empty()));
    }
}
