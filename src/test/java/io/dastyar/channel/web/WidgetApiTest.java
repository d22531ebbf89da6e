package io.dastyar.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import tools.jackson.databind.JsonNode;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.channel.CustomerTyping;
import io.dastyar.support.ScriptedAnswers;
import io.dastyar.support.TestPostgres;
import io.dastyar.support.TestSupportConfig;
import io.dastyar.system.Language;

/** The widget's API and WebSocket over a real server and PostgreSQL, as a browser without a page would use them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
@Import({TestSupportConfig.class, WidgetApiTest.TypingListener.class})
@TestPropertySource(properties = {
        "support.widget.token-secret=" + WidgetApiTest.SECRET,
        "support.widget.message-burst=6",
        "support.widget.messages-per-minute=6",
        "support.widget.titles.ar=" + WidgetApiTest.ARABIC_TITLE,
        "support.widget.greetings.ar=" + WidgetApiTest.ARABIC_GREETING})
class WidgetApiTest {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-hs256";
    static final String ARABIC_TITLE = "خدمة عملاء أنار";
    static final String ARABIC_GREETING = "أهلاً بك في أنار! كيف نساعدك اليوم؟";

    @LocalServerPort
    int port;
    @Autowired
    ScriptedAnswers answers;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TypingListener typing;

    @TestConfiguration
    static class TypingListener {
        final List<CustomerTyping> seen = new CopyOnWriteArrayList<>();

        @EventListener
        void on(CustomerTyping event) {
            seen.add(event);
        }
    }

    @Test
    void noTokenAForgedTokenAndGarbageAreAllRefused() throws Exception {
        try (WidgetClient owner = WidgetClient.newVisitor(port).connect("en")) {
            owner.say("Hello");
            owner.awaitType("ack");
            String visitor = visitorOf(owner.token);
            String forged = tokenFor(visitor, "another-secret-that-is-also-long-enough-0000");
            for (String token : List.of("", "garbage", forged, owner.token.substring(0, owner.token.length() - 2) + "xx")) {
                WidgetClient stranger = WidgetClient.withToken(port, token);
                assertThat(stranger.get("/api/widget/conversation").statusCode()).as(token).isEqualTo(401);
                assertThat(stranger.post("/api/widget/messages", "{\"type\":\"ping\"}").statusCode()).isEqualTo(401);
                assertThat(stranger.get("/api/widget/events").statusCode()).isEqualTo(401);
                assertThatThrownBy(() -> stranger.connect("en")).rootCause()
                        .hasMessageMatching(".*status code 40[01].*");
            }
            // The real token still works, so the refusals above were about the tokens.
            assertThat(owner.get("/api/widget/conversation").statusCode()).isEqualTo(200);
            // In the address it is accepted only where browsers cannot send a header (socket, event stream).
            assertThat(WidgetClient.withToken(port, "").get("/api/widget/conversation?access_token=" + owner.token)
                    .statusCode()).isEqualTo(401);
        }
    }

    @Test
    void aTokenSignedWithTheRightKeyButNamingNoVisitorIsRefusedEverywhere() throws Exception {
        String visitor = UUID.randomUUID().toString();
        var subjects = new java.util.LinkedHashMap<String, String>();
        subjects.put("not a UUID", "not-a-visitor-id");
        subjects.put("a UUID in another form", visitor.toUpperCase(java.util.Locale.ROOT));
        subjects.put("a UUID with extra", visitor + "x");
        subjects.put("no subject", null);
        subjects.put("an empty subject", "");
        subjects.put("a blank subject", " ");
        for (var subject : subjects.entrySet()) {
            WidgetClient stranger = WidgetClient.withToken(port, tokenFor(subject.getValue(), SECRET));
            String what = subject.getKey();
            assertThat(stranger.get("/api/widget/conversation").statusCode()).as(what).isEqualTo(401);
            assertThat(stranger.post("/api/widget/messages",
                    "{\"type\":\"message\",\"clientMessageId\":\"m-1\",\"text\":\"Hello\"}").statusCode())
                    .as(what).isEqualTo(401);
            assertThat(stranger.get("/api/widget/events").statusCode()).as(what).isEqualTo(401);
            assertThat(WidgetClient.withToken(port, "").get("/api/widget/events?access_token=" + stranger.token)
                    .statusCode()).as(what).isEqualTo(401);
            // Refused at the handshake: the socket never opens.
            assertThatThrownBy(() -> stranger.connect("en")).as(what).rootCause()
                    .hasMessageMatching(".*status code 401.*");
        }
        // The same token with the visitor's id as its subject is let in, so the refusals were about the subject.
        assertThat(WidgetClient.withToken(port, tokenFor(visitor, SECRET)).get("/api/widget/conversation").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aClientMessageIdOrPayloadWithControlCharactersIsRefusedAndNothingIsStored() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            for (String bad : List.of(
                    "{\"type\":\"message\",\"clientMessageId\":\"nul\\u0000id\",\"text\":\"Hello\"}",
                    "{\"type\":\"message\",\"clientMessageId\":\"line\\nbreak\",\"text\":\"Hello\"}",
                    "{\"type\":\"message\",\"clientMessageId\":\"esc\\u001bid\",\"text\":\"Hello\"}",
                    "{\"type\":\"button\",\"clientMessageId\":\"nul\\u0000button\",\"payload\":\"person\"}",
                    "{\"type\":\"button\",\"clientMessageId\":\"b-1\",\"payload\":\"per\\u0000son\"}")) {
                visitor.sendRaw(bad);
                JsonNode error = visitor.awaitType("error");
                assertThat(error.get("code").asString()).as(bad).isEqualTo("malformed");
                assertThat(error.get("message").asString()).as(bad).isNotBlank();

                HttpResponse<String> posted = visitor.post("/api/widget/messages", bad);
                assertThat(posted.statusCode()).as(bad).isEqualTo(400);
                assertThat(WidgetClient.JSON.readTree(posted.body()).get("code").asString()).isEqualTo("malformed");
            }
            // PostgreSQL took nothing, failed on nothing, and the socket is still good.
            assertThat(visitor.history().get("messages")).isEmpty();
            String id = visitor.say("Hello");
            JsonNode ack = visitor.awaitType("ack");
            assertThat(ack.get("clientMessageId").asString()).isEqualTo(id);
            assertThat(ack.get("outcome").asString()).isEqualTo("accepted");
        }
    }

    @Test
    void aVisitorSeesOnlyTheirOwnConversation() throws Exception {
        try (WidgetClient alice = WidgetClient.newVisitor(port).connect("en");
             WidgetClient bob = WidgetClient.newVisitor(port).connect("en")) {
            alice.say("My order number is 4711 and my address is secret");
            alice.awaitMessage(frame -> frame.get("author").asString().equals("bot"));

            assertThat(alice.history().get("messages")).hasSize(2);
            JsonNode bobs = bob.history();
            assertThat(bobs.get("conversation").isNull()).isTrue();
            assertThat(bobs.get("messages")).isEmpty();
            assertThat(bob.drain(Duration.ofMillis(500))).noneMatch(frame -> frame.toString().contains("4711"));
        }
    }

    @Test
    void anAnswerArrivesInOrderAsSafeHtmlWithButtonsAndTheSameIdsAsTheHistory() throws Exception {
        answers.teach("How long does delivery take?", new Answer("delivery-time", Language.EN, "Delivery time",
                "It takes **two** days. <script>alert(1)</script> <img src=x onerror=alert(2)>", 0.9, false));
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            String id = visitor.say("How long does delivery take?");
            JsonNode ack = visitor.awaitType("ack");
            assertThat(ack.get("clientMessageId").asString()).isEqualTo(id);
            assertThat(ack.get("outcome").asString()).isEqualTo("accepted");

            JsonNode answer = visitor.awaitType("message");
            JsonNode question = visitor.awaitType("message");
            assertThat(answer.get("html").asString()).contains("<strong>two</strong>")
                    .contains("&lt;script&gt;").doesNotContain("<script").doesNotContain("<img");
            assertThat(question.get("quickReplies").findValuesAsString("payload"))
                    .containsExactly("helped", "not_helped", "person");
            assertThat(question.get("state").asString()).isEqualTo("AWAITING_FEEDBACK");
            assertThat(question.get("id").asLong()).isGreaterThan(answer.get("id").asLong());

            JsonNode lines = visitor.history().get("messages");
            assertThat(lines).hasSize(3);
            assertThat(lines.get(0).get("clientMessageId").asString()).isEqualTo(id);
            assertThat(lines.get(0).has("html")).as("customer text is never HTML").isFalse();
            assertThat(lines.get(1).get("id").asLong()).isEqualTo(answer.get("id").asLong());
            assertThat(lines.get(2).get("id").asLong()).isEqualTo(question.get("id").asLong());
            assertThat(lines.get(2).get("quickReplies")).hasSize(3);
        }
    }

    @Test
    void aMessageSentTwiceWithTheSameIdIsStoredAndAnsweredOnce() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            String frame = "{\"type\":\"message\",\"clientMessageId\":\"resend-1\",\"text\":\"Anyone there?\"}";
            visitor.sendRaw(frame);
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("accepted");
            visitor.sendRaw(frame);
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("duplicate");
            // And over the fallback transport too.
            assertThat(WidgetClient.JSON.readTree(visitor.post("/api/widget/messages", frame).body())
                    .get("outcome").asString()).isEqualTo("duplicate");

            assertThat(visitor.history().get("messages")).extracting(line -> line.get("direction").asString())
                    .containsExactly("in", "out");
        }
    }

    @Test
    void malformedFramesGetAnErrorAndTheSocketStaysUsable() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("fa")) {
            for (String bad : List.of("{not json", "[]", "{\"type\":\"launch\"}", "{\"type\":\"message\",\"text\":\"no id\"}",
                    "{\"type\":\"button\",\"clientMessageId\":\"x\"}", "null")) {
                visitor.sendRaw(bad);
                JsonNode error = visitor.awaitType("error");
                assertThat(error.get("code").asString()).as(bad).isEqualTo("malformed");
                assertThat(error.get("message").asString()).as("in the visitor's language").contains("لطفاً");
            }
            visitor.sendRaw("{\"type\":\"ping\"}");
            visitor.awaitType("pong");
            visitor.say("سلام");
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("accepted");
        }
    }

    @Test
    void emptyMessagesAreIgnoredAndOversizedOnesRefusedInTheVisitorsLanguage() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("fa")) {
            visitor.say("   ");
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("ignored");

            visitor.say("س".repeat(4_001));
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("refused");
            JsonNode notice = visitor.awaitType("message");
            assertThat(notice.get("kind").asString()).isEqualTo("notice");
            assertThat(notice.get("text").asString()).contains("۴٬۰۰۰");
            assertThat(visitor.history().get("messages")).noneMatch(line -> line.get("direction").asString().equals("in"));
        }
    }

    @Test
    void aLongMessageFullOfEscapesArrivesWholeAndAnOversizedFrameClosesTheSocket() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            // 4,000 characters that JSON escapes to about 8,000: several times the socket's text buffer.
            String text = "\"\n".repeat(2_000);
            visitor.say(text);
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("accepted");
            assertThat(visitor.history().get("messages").get(0).get("text").asString()).isEqualTo(text);

            visitor.say("x".repeat(40_000));
            assertThat(visitor.awaitClose()).isEqualTo(1009);
        }
    }

    @Test
    void anOversizedPostIsRefusedAndNulCharactersAreDropped() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            String huge = "{\"type\":\"message\",\"clientMessageId\":\"big\",\"text\":\"" + "x".repeat(200_000) + "\"}";
            assertThat(visitor.post("/api/widget/messages", huge).statusCode()).isEqualTo(413);

            visitor.sendRaw("{\"type\":\"message\",\"clientMessageId\":\"nul\",\"text\":\"hi\\u0000there\"}");
            assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("accepted");
            assertThat(visitor.history().get("messages").get(0).get("text").asString()).isEqualTo("hithere");
        }
    }

    @Test
    void aVisitorWhoSendsTooFastIsAskedToWaitAndNothingIsLost() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            for (int i = 0; i < 6; i++) {
                visitor.say("message " + i);
                assertThat(visitor.awaitType("ack").get("outcome").asString()).isEqualTo("accepted");
            }
            String refused = visitor.say("one too many");
            JsonNode error = visitor.awaitType("error");
            assertThat(error.get("code").asString()).isEqualTo("rate_limited");
            assertThat(error.get("clientMessageId").asString()).isEqualTo(refused);
            assertThat(error.get("retryAfterMs").asLong()).isBetween(1L, 10_000L);
            assertThat(error.get("message").asString()).contains("wait");
            assertThat(visitor.history().get("messages").toString()).doesNotContain("one too many");
        }
    }

    @Test
    void theQueueNoticeGivesThePlaceAndWaitAndMovesUpInPlaceWhenSomeoneAheadLeaves() throws Exception {
        try (WidgetClient first = WidgetClient.newVisitor(port).connect("fa");
             WidgetClient second = WidgetClient.newVisitor(port).connect("fa")) {
            first.say("/person");
            int firstPlace = place(first.awaitMessage(frame -> frame.get("kind").asString().equals("queue_status")));
            second.say("/person");
            JsonNode secondStatus = second.awaitMessage(frame -> frame.get("kind").asString().equals("queue_status"));
            assertThat(secondStatus.get("text").asString()).as("Persian digits").doesNotContainPattern("[0-9]");
            assertThat(place(secondStatus)).isEqualTo(firstPlace + 1);
            int linesBefore = second.history().get("messages").size();

            first.say("/end");
            // Not a new line: a status frame the widget shows in place of the old one.
            JsonNode movedUp = second.await(frame -> frame.get("type").asString().equals("queue_status")
                    && place(frame) <= firstPlace);
            assertThat(movedUp.get("text").asString()).doesNotContainPattern("[0-9]");
            JsonNode history = second.history();
            assertThat(history.get("messages").size()).as("the transcript keeps only what was said")
                    .isEqualTo(linesBefore);
            assertThat(place(history.get("queueStatus"))).as("a reconnecting widget reads the status now")
                    .isLessThanOrEqualTo(firstPlace);
        }
    }

    @Test
    void theAgentsNameAndTypingReachTheVisitorAndTheVisitorsTypingIsAnnounced() throws Exception {
        try (WidgetClient visitor = WidgetClient.newVisitor(port).connect("en")) {
            visitor.say("/person");
            ConversationId id = new ConversationId(UUID.fromString(visitor.awaitType("ack").get("conversation").asString()));
            visitor.awaitMessage(frame -> frame.get("kind").asString().equals("queue_status"));

            assertThat(conversations.assign(id, "Sara")).isTrue();
            JsonNode joined = visitor.awaitMessage(frame -> frame.get("text").asString().contains("Sara"));
            assertThat(joined.get("state").asString()).isEqualTo("WITH_AGENT");

            conversations.showTyping(id, Author.AGENT);
            visitor.await(frame -> frame.get("type").asString().equals("typing")
                    && frame.get("author").asString().equals("agent"));

            visitor.sendRaw("{\"type\":\"typing\"}");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (typing.seen.stream().noneMatch(t -> t.customer().recipient().equals(visitorOf(visitor.token)))
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(typing.seen).anyMatch(t -> t.customer().recipient().equals(visitorOf(visitor.token)));
        }
    }

    @Test
    void theFallbackTransportCarriesTheSameFramesOverServerSentEvents() throws Exception {
        WidgetClient visitor = WidgetClient.newVisitor(port);
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        // The response (headers) arrives once the stream is registered, so nothing sent after it can be missed.
        HttpResponse<java.util.stream.Stream<String>> stream = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create(visitor.base + "/api/widget/events?access_token=" + visitor.token))
                        .build(), HttpResponse.BodyHandlers.ofLines()).get(10, TimeUnit.SECONDS);
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread.ofVirtual().start(() -> stream.body().filter(line -> line.startsWith("data:")).forEach(events::add));

        HttpResponse<String> ack = visitor.post("/api/widget/messages?lang=en",
                "{\"type\":\"message\",\"clientMessageId\":\"sse-1\",\"text\":\"Where is my parcel?\"}");
        assertThat(ack.statusCode()).isEqualTo(200);
        assertThat(WidgetClient.JSON.readTree(ack.body()).get("outcome").asString()).isEqualTo("accepted");

        String event;
        do {
            event = events.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("a message over the event stream").isNotNull();
        } while (!event.contains("\"type\":\"message\""));
        assertThat(WidgetClient.JSON.readTree(event.substring("data:".length())).get("quickReplies")
                .findValuesAsString("payload")).containsExactly("person");
    }

    @Test
    void thePanelSettingsFollowTheLanguageAndAreReadableFromOtherSites() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/widget/config?lang=fa"))
                .header("Origin", "https://shop.example").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://shop.example");
        JsonNode settings = WidgetClient.JSON.readTree(response.body());
        assertThat(settings.get("direction").asString()).isEqualTo("rtl");
        assertThat(settings.get("greeting").asString()).contains("سلام");
        assertThat(settings.get("maxMessageLength").asInt()).isEqualTo(4000);
    }

    @Test
    void thePanelsTitleAndGreetingAreInTheVisitorsLanguageAndCanBeSetPerLanguage() throws Exception {
        // Not set for en, fa and az: the widget's bundles speak each language.
        assertThat(settings("en").get("title").asString()).isEqualTo("Support");
        assertThat(settings("fa").get("title").asString()).isEqualTo("پشتیبانی");
        assertThat(settings("az").get("title").asString()).isEqualTo("Dəstək xidməti");
        assertThat(settings("az").get("greeting").asString()).startsWith("Salam!");
        assertThat(settings("en").get("greeting").asString()).startsWith("Hi!");
        // Set for ar (support.widget.titles.ar, support.widget.greetings.ar).
        JsonNode arabic = settings("ar");
        assertThat(arabic.get("title").asString()).isEqualTo(ARABIC_TITLE);
        assertThat(arabic.get("greeting").asString()).isEqualTo(ARABIC_GREETING);
        assertThat(arabic.get("direction").asString()).isEqualTo("rtl");
    }

    private JsonNode settings(String lang) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/widget/config?lang=" + lang)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return WidgetClient.JSON.readTree(response.body());
    }

    private static int place(JsonNode queueStatus) {
        String text = queueStatus.get("text").asString();
        Matcher number = Pattern.compile("\\p{Nd}+").matcher(text);
        assertThat(number.find()).as(text).isTrue();
        return number.group().codePoints().reduce(0, (value, digit) -> value * 10 + Character.digit(digit, 10));
    }

    private static String visitorOf(String token) {
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return WidgetClient.JSON.readTree(payload).get("sub").asString();
    }

    private static String tokenFor(String visitor, String secret) {
        var encoder = new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8),
                "HmacSHA256")));
        // Built claim by claim, so a test can leave the subject out or make it empty.
        JwtClaimsSet.Builder builder = JwtClaimsSet.builder().audience(List.of(VisitorTokens.AUDIENCE))
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(3600));
        if (visitor != null) {
            builder.claim("sub", visitor);
        }
        JwtClaimsSet claims = builder.build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
