package io.dastyar.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationMoved;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.CustomerTyping;
import io.dastyar.conversation.channel.CustomerUnreachable;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.HandoffEvents;
import io.dastyar.handoff.HandoffTest;
import io.dastyar.handoff.Presence;
import io.dastyar.system.Language;

/**
 * {@code GET /api/agent/events} over real HTTP, fed by the real hand-off and agent API: each agent's stream gets the
 * events of their own chats only (the customer's lines, and their own replies and notes through the agent API), and
 * a conversation's event reaches it only once the transaction that published it has committed.
 */
@HandoffTest
class AgentEventsStreamTest {

    private static final String PASSWORD = "stream test password";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEventPublisher publisher;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AgentEvents events;

    private final List<Stream<String>> open = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    record Event(String name, String data) {
    }

    @BeforeEach
    void nobodyAround() {
        new io.dastyar.handoff.Customers(conversations, jdbc).cleanSlate();
    }

    @AfterEach
    void closeStreams() {
        open.forEach(Stream::close);
    }

    @Test
    void anEventAfterCommitReachesTheAgentWhoHoldsTheChatAndNoOneElse() throws Exception {
        String sara = agent();
        String omid = agent();
        BlockingQueue<Event> saras = stream(sara);
        BlockingQueue<Event> omids = stream(omid);
        next(saras, e -> e.name().equals("chats"));
        next(omids, e -> e.name().equals("chats"));

        var customer = new TestCustomer(conversations, Language.EN);
        ConversationId chat = customer.askForPerson("My parcel never came");
        assertThat(next(saras, e -> e.name().equals("queue") && e.data().contains(chat.toString()))).isNotNull();
        // Sara comes online (Omid never does): the router gives her the chat.
        handoff.presence(sara, Presence.ONLINE);
        next(saras, e -> e.name().equals("chats") && e.data().contains(chat.toString()));

        customer.say("Are you there?");
        assertThat(next(saras, e -> e.name().equals("message")).data()).contains(chat.toString()).contains("\"line\"");

        // Her reply and her note, through the agent API, reach her stream too (other tabs of hers show them).
        HttpResponse<String> sent = post(sara, chat, "messages", "{\"text\":\"Let me check that for you\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
        long line = Long.parseLong(sent.body().replaceAll(".*\"line\":(\\d+).*", "$1"));
        assertThat(next(saras, e -> e.name().equals("message")).data()).contains(chat.toString())
                .contains("\"line\":" + line).doesNotContain("\"note\"");
        HttpResponse<String> noted = post(sara, chat, "notes", "{\"text\":\"Parcel lost twice before\"}");
        assertThat(noted.statusCode()).as(noted.body()).isEqualTo(201);
        long note = Long.parseLong(noted.body().replaceAll(".*\"note\":(\\d+).*", "$1"));
        assertThat(next(saras, e -> e.name().equals("message")).data()).contains(chat.toString())
                .contains("\"note\":" + note).doesNotContain("\"line\"");

        // Published inside a transaction that rolls back: nobody hears of it.
        transactions.executeWithoutResult(status -> {
            publisher.publishEvent(new ConversationMoved(chat, customer.address, Language.EN, ConversationEvent.MESSAGE,
                    ConversationState.WITH_AGENT, ConversationState.WITH_AGENT, Instant.now()));
            status.setRollbackOnly();
        });
        publisher.publishEvent(new CustomerTyping(customer.address));
        assertThat(next(saras, e -> e.name().equals("message") || e.name().equals("typing")).name())
                .as("no message from the rolled back transaction").isEqualTo("typing");
        publisher.publishEvent(new CustomerUnreachable(customer.address, Instant.parse("2026-03-01T10:15:30Z")));
        assertThat(next(saras, e -> e.name().equals("unreachable")).data()).contains(chat.toString())
                .contains("2026-03-01T10:15:30Z");

        // The events go out in order, so once this one has come and gone quiet Omid would have had any of Sara's.
        publisher.publishEvent(new HandoffEvents.QueueChanged(Instant.now()));
        List<Event> omidsEvents = quiet(omids);
        assertThat(omidsEvents).isNotEmpty().last().extracting(Event::name).isEqualTo("queue");
        assertThat(omidsEvents).extracting(Event::name).doesNotContain("message", "typing", "unreachable", "chats");
    }

    @Test
    void closedStreamsAreForgotten() throws Exception {
        String agent = agent();
        int before = events.openStreams();
        BlockingQueue<Event> stream = stream(agent);
        next(stream, e -> e.name().equals("chats"));
        assertThat(events.connected()).contains(agent);

        open.removeLast().close();
        // The server notices a gone browser at its next write at the latest.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (events.connected().contains(agent) && System.nanoTime() < deadline) {
            publisher.publishEvent(new HandoffEvents.QueueChanged(Instant.now()));
            Thread.sleep(200);
        }
        assertThat(events.connected()).doesNotContain(agent);
        assertThat(events.openStreams()).isLessThanOrEqualTo(before);
    }

    private String agent() {
        String name = "agent-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(name, name, PASSWORD, Role.AGENT));
        return name;
    }

    private BlockingQueue<Event> stream(String agent) throws Exception {
        String basic = Base64.getEncoder().encodeToString((agent + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent/events"))
                .header("Authorization", "Basic " + basic).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
        open.add(response.body());
        BlockingQueue<Event> received = new LinkedBlockingQueue<>();
        Thread.ofVirtual().start(() -> {
            String name = "message";
            var data = new StringBuilder();
            try {
                for (String line : (Iterable<String>) response.body()::iterator) {
                    if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5));
                    } else if (line.isEmpty()) {
                        if (!data.isEmpty()) {
                            received.add(new Event(name, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    }
                }
            } catch (RuntimeException closed) {
                // the test closed the stream
            }
        });
        return received;
    }

    /** Sends a POST of the agent API as the agent, over HTTP Basic (with a CSRF token, which SecurityConfig wants). */
    private HttpResponse<String> post(String agent, ConversationId chat, String action, String json) throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(token.find()).isTrue();
        String basic = Base64.getEncoder().encodeToString((agent + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/agent/conversations/"
                        + chat + "/" + action))
                .header("Authorization", "Basic " + basic).header("Cookie", cookie).header("X-CSRF-TOKEN", token.group(1))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The events that come until none has come for two seconds. */
    private static List<Event> quiet(BlockingQueue<Event> events) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        for (Event event; (event = events.poll(2, TimeUnit.SECONDS)) != null; ) {
            seen.add(event);
        }
        return seen;
    }

    private static Event next(BlockingQueue<Event> events, Predicate<Event> wanted) throws InterruptedException {
        return until(events, wanted).getLast();
    }

    /** The events up to and including the first one wanted. */
    private static List<Event> until(BlockingQueue<Event> events, Predicate<Event> wanted) throws InterruptedException {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Event event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null) {
                seen.add(event);
                if (wanted.test(event)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("The event never came; got " + seen);
    }
}
