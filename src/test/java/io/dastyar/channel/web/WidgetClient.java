package io.dastyar.channel.web;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A widget visitor as the tests see it: the real HTTP API and a real WebSocket, no browser. */
final class WidgetClient implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final String base;
    final String token;
    private WebSocket socket;
    private final BlockingQueue<JsonNode> frames = new LinkedBlockingQueue<>();
    private final java.util.List<JsonNode> unclaimed = new java.util.ArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final java.util.concurrent.CompletableFuture<Integer> closed = new java.util.concurrent.CompletableFuture<>();

    private WidgetClient(String base, String token) {
        this.base = base;
        this.token = token;
    }

    static WidgetClient newVisitor(int port) throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/widget/visitors"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("No visitor token: " + created.statusCode() + " " + created.body());
        }
        return new WidgetClient(base, JSON.readTree(created.body()).get("token").asString());
    }

    static WidgetClient withToken(int port, String token) {
        return new WidgetClient("http://localhost:" + port, token);
    }

    WidgetClient connect(String lang) throws Exception {
        String uri = base.replace("http", "ws") + "/ws/widget?lang=" + lang + "&access_token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(uri), new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(JSON.readTree(partial.toString()));
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        return this;
    }

    void sendRaw(String frame) {
        socket.sendText(frame, true).join();
    }

    String say(String text) {
        String id = UUID.randomUUID().toString();
        sendRaw(JSON.writeValueAsString(java.util.Map.of("type", "message", "clientMessageId", id, "text", text)));
        return id;
    }

    String press(String payload) {
        String id = UUID.randomUUID().toString();
        sendRaw(JSON.writeValueAsString(java.util.Map.of("type", "button", "clientMessageId", id, "payload", payload)));
        return id;
    }

    /**
     * The first frame that matches, in arrival order. Frames that do not match are kept for later calls, as
     * replies and acks may arrive in either order.
     */
    JsonNode await(Predicate<JsonNode> wanted) throws InterruptedException {
        for (var kept = unclaimed.iterator(); kept.hasNext(); ) {
            JsonNode frame = kept.next();
            if (wanted.test(frame)) {
                kept.remove();
                return frame;
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode frame = frames.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && wanted.test(frame)) {
                return frame;
            }
            if (frame != null) {
                unclaimed.add(frame);
            }
        }
        throw new AssertionError("No matching frame within 10 s; unclaimed: " + unclaimed);
    }

    JsonNode awaitType(String type) throws InterruptedException {
        return await(frame -> frame.get("type").asString().equals(type));
    }

    JsonNode awaitMessage(Predicate<JsonNode> wanted) throws InterruptedException {
        return await(frame -> frame.get("type").asString().equals("message") && wanted.test(frame));
    }

    /** Frames that arrive within {@code quiet}; for checking that nothing (more) comes. */
    java.util.List<JsonNode> drain(Duration quiet) throws InterruptedException {
        var seen = new java.util.ArrayList<JsonNode>(unclaimed);
        unclaimed.clear();
        JsonNode frame;
        while ((frame = frames.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
            seen.add(frame);
        }
        return seen;
    }

    int awaitClose() throws Exception {
        return closed.get(10, TimeUnit.SECONDS);
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode history() throws Exception {
        HttpResponse<String> response = get("/api/widget/conversation");
        if (response.statusCode() != 200) {
            throw new AssertionError("History: " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
    }
}
