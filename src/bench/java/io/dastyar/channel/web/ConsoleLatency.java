package io.dastyar.channel.web;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent's side of the load driver: from a customer's message to the agent's console. Agents are added as an
 * admin would (the users page, signed in, with its CSRF token), open the console's live stream
 * ({@code GET /api/agent/events}, HTTP Basic) and go online; widget visitors ask for a person and are assigned to
 * them. While the driver's bot traffic runs, those customers write in their chats at a fixed rate, open loop, and a
 * turn is the message sent on the widget's socket until the {@code message} event for its conversation arrives on
 * the holding agent's stream.
 */
final class ConsoleLatency {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String AGENT_PASSWORD = "load-driver-agent-password";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Duration TIMEOUT = Duration.ofMinutes(1);
    private static final Pattern TAG = Pattern.compile("chat-(\\d+)-here");

    /** A customer who asked for a person, with at most one message in flight. */
    private record Chat(int number, WebSocket socket) {
    }

    private final String base;
    private final HttpClient http;
    private final List<Chat> chats = new ArrayList<>();
    private final Map<Integer, String> conversations = new ConcurrentHashMap<>();
    private final Map<String, Long> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicLong next = new AtomicLong();
    private volatile boolean measuring;
    private long skipped;

    private ConsoleLatency(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    /**
     * Adds {@code agents} agents with their streams open and online (the server's default capacity, 3), and
     * {@code customers} widget customers each held by one of them.
     */
    static ConsoleLatency start(String base, HttpClient http, String adminPassword, int agents, int customers,
                                ScheduledExecutorService ticker) throws Exception {
        long started = System.nanoTime();
        var console = new ConsoleLatency(base, http);
        List<String> names = console.addAgents(adminPassword, agents);
        for (String agent : names) {
            console.openStream(agent);
            console.presence(agent);
        }
        // The console's heartbeat: presence every 20 s keeps them online (the server's grace is 60 s).
        ticker.scheduleAtFixedRate(() -> names.forEach(console::presence), 20, 20, TimeUnit.SECONDS);
        for (int i = 0; i < customers; i++) {
            console.chats.add(console.askForPerson(i));
        }
        console.awaitAssigned(names, customers);
        System.out.printf(Locale.ROOT, "%d agents online with their streams open, %d customers with them, in %.1f s%n",
                agents, console.conversations.size(), (System.nanoTime() - started) / 1e9);
        return console;
    }

    /** Sends one customer message every tick, to the next chat with nothing in flight. */
    void tick() {
        for (int tries = 0; tries < chats.size(); tries++) {
            Chat chat = chats.get((int) (next.getAndIncrement() % chats.size()));
            String conversation = conversations.get(chat.number());
            if (conversation != null && inFlight.putIfAbsent(conversation, System.nanoTime()) == null) {
                send(chat.socket(), "a question for the agent " + UUID.randomUUID());
                return;
            }
        }
        skipped++;
    }

    void measuring(boolean on) {
        measuring = on;
    }

    long[] sortedLatencies() {
        return latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    }

    long skipped() {
        return skipped;
    }

    /** Messages sent whose event has not arrived (yet): late, or lost on the way. */
    int unanswered() {
        return inFlight.size();
    }

    private List<String> addAgents(String adminPassword, int count) throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(30)).build();
        form(session, "/login", "/login", Map.of("username", "admin", "password", adminPassword));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = "load-agent-%03d".formatted(i);
            form(session, "/admin/users", "/admin/users", Map.of("username", name, "displayName", "Agent " + i,
                    "password", AGENT_PASSWORD, "role", "AGENT"));
            names.add(name);
        }
        return names;
    }

    /** Reads the page's CSRF token and posts the form with it, as a browser would. */
    private void form(HttpClient session, String page, String action, Map<String, String> fields) throws Exception {
        String html = session.send(HttpRequest.newBuilder(URI.create(base + page)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("no CSRF token on " + page);
        }
        var body = new StringBuilder("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8));
        fields.forEach((key, value) -> body.append('&').append(key).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        int status = session.send(HttpRequest.newBuilder(URI.create(base + action)).timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status >= 400) {
            throw new IllegalStateException("POST " + action + ": " + status);
        }
    }

    /** The console's live stream, read line by line on a thread of its own. */
    private void openStream(String agent) throws Exception {
        HttpResponse<Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/agent/events"))
                .header("Authorization", basic(agent)).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("events for " + agent + ": " + response.statusCode());
        }
        Thread.ofVirtual().start(() -> {
            String[] event = {""};
            response.body().forEach(line -> {
                if (line.startsWith("event:")) {
                    event[0] = line.substring(6).trim();
                } else if (line.startsWith("data:") && event[0].equals("message")) {
                    arrived(JSON.readTree(line.substring(5)).get("conversation").asString());
                } else if (line.isEmpty()) {
                    event[0] = "";
                }
            });
        });
    }

    private void arrived(String conversation) {
        Long sentAt = inFlight.remove(conversation);
        if (sentAt != null && measuring) {
            latencies.add(System.nanoTime() - sentAt);
        }
    }

    private void presence(String agent) {
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/agent/presence"))
                .header("Authorization", basic(agent)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"presence\":\"ONLINE\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
    }

    private Chat askForPerson(int number) throws Exception {
        String token = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/api/widget/visitors"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("token").asString();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(base.replace("http", "ws")
                + "/ws/widget?lang=en&access_token=" + token), new WebSocket.Listener() { }).get(1, TimeUnit.MINUTES);
        send(socket, "chat-" + number + "-here");
        send(socket, "/person");
        return new Chat(number, socket);
    }

    /** Waits until every customer is held, then learns whose chat each conversation is from its first line. */
    private void awaitAssigned(List<String> agents, int customers) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            Map<String, String> held = new ConcurrentHashMap<>();
            for (String agent : agents) {
                for (JsonNode chat : get(agent, "/api/agent/conversations")) {
                    held.put(chat.get("conversation").asString(), agent);
                }
            }
            if (held.size() >= customers) {
                for (var chat : held.entrySet()) {
                    JsonNode transcript = get(chat.getValue(), "/api/agent/conversations/" + chat.getKey());
                    for (JsonNode line : transcript.get("messages")) {
                        Matcher tag = TAG.matcher(line.path("text").asString(""));
                        if (tag.matches()) {
                            conversations.put(Integer.parseInt(tag.group(1)), chat.getKey());
                        }
                    }
                }
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(held.size() + " of " + customers + " customers got an agent");
            }
            Thread.sleep(Duration.ofMillis(500));
        }
    }

    private JsonNode get(String agent, String path) throws Exception {
        return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", basic(agent)).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void send(WebSocket socket, String text) {
        socket.sendText(JSON.writeValueAsString(Map.of("type", "message",
                "clientMessageId", UUID.randomUUID().toString(), "text", text)), true).join();
    }

    private static String basic(String agent) {
        return "Basic " + Base64.getEncoder().encodeToString((agent + ":" + AGENT_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
