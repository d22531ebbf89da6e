package io.dastyar.channel.telegram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Bot API server on loopback for tests and benchmarks: serves getUpdates from what a test pushes (real payload
 * shapes from ../shared/telegram), records every other call, matches method names in any case, and keeps Telegram's
 * limits (about 1 message a second per chat with short bursts, 20 a minute per group, 30 a second in all), answering
 * 429 with retry_after beyond them, as the real one does. It can also be told to refuse the next calls with 429
 * (a storm) or to answer 403 for a chat that blocked the bot. Files a test keeps are served as Telegram serves them:
 * getFile tells their path, and {@code /file/bot<token>/<path>} their bytes.
 */
public final class BotApiStub implements AutoCloseable {

    public static final Path PAYLOADS = Path.of("../shared/telegram");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> LIMITED = Set.of("sendmessage", "editmessagetext", "editmessagereplymarkup");

    /** One call the bot made, with its JSON body, when it came and whether it was refused with 429. */
    public record Call(String method, JsonNode body, long atNanos, int status, long messageId) {
        public long chat() {
            return body.path("chat_id").asLong();
        }

        public String text() {
            return body.path("text").asString("");
        }
    }

    private final HttpServer server;
    private final List<ObjectNode> pending = new ArrayList<>();
    private final List<ObjectNode> replays = new ArrayList<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<Long, Bucket> chatBuckets = new ConcurrentHashMap<>();
    private final Bucket overall = bucket(30, Duration.ofSeconds(1), 30);
    private final Set<Long> blocked = ConcurrentHashMap.newKeySet();
    private final Map<String, String> messageTexts = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong(1000);
    private final AtomicInteger stormLeft = new AtomicInteger();
    private volatile int stormRetryAfter = 1;
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private final Map<String, byte[]> filesById = new ConcurrentHashMap<>();
    private final Map<String, byte[]> filesByPath = new ConcurrentHashMap<>();
    private final Map<String, Long> statedSizes = new ConcurrentHashMap<>();
    private final List<String> downloads = new CopyOnWriteArrayList<>();

    public BotApiStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- what tests do -------------------------------------------------------------------------------------------

    /** Queues an update for getUpdates. */
    public void push(ObjectNode update) {
        synchronized (pending) {
            pending.add(update);
            pending.notifyAll();
        }
    }

    /** Serves an update once more, whatever offset the bot asks from, as Telegram may after a lost answer. */
    public void replay(ObjectNode update) {
        synchronized (pending) {
            replays.add(update);
            pending.notifyAll();
        }
    }

    /** The next {@code count} limited calls are refused with 429 and this retry_after. */
    public void storm(int count, int retryAfterSeconds) {
        stormRetryAfter = retryAfterSeconds;
        stormLeft.set(count);
    }

    public void block(long chat) {
        blocked.add(chat);
    }

    /** getFile knows this file from now on; a file over 20 MB is refused as Telegram refuses it. */
    public void keepFile(String fileId, byte[] content) {
        filesById.put(fileId, content);
    }

    /**
     * getFile states this size for the file, as a self-hosted Bot API server does for files over 20 MB (Telegram's
     * own refuses them); there is nothing to download.
     */
    public void keepFileOfSize(String fileId, long statedSize) {
        statedSizes.put(fileId, statedSize);
    }

    /** The paths of the files downloaded, as asked for (with the token). */
    public List<String> downloads() {
        return List.copyOf(downloads);
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    public List<Call> calls(String method, Predicate<Call> which) {
        return calls.stream().filter(call -> call.method().equals(method.toLowerCase(Locale.ROOT)) && call.status() == 200)
                .filter(which).toList();
    }

    public List<Call> to(long chat) {
        return calls.stream().filter(call -> call.chat() == chat && call.status() == 200).toList();
    }

    public int tooManyRequests() {
        return tooManyRequests.get();
    }

    // ---- update payloads ----------------------------------------------------------------------------------------

    /** A private text message from the shared payload, as from this chat and language. */
    public static ObjectNode text(long updateId, long chat, String language, String text) {
        ObjectNode update = payload("updates/message_command_start.json");
        update.put("update_id", updateId);
        ObjectNode message = (ObjectNode) update.get("message");
        fromChat(message, updateId, chat, language);
        message.put("text", text);
        message.remove("entities");
        return update;
    }

    /** A photo, file, voice note, video, sticker or location from the shared payload (message_with_photo.json, ...). */
    public static ObjectNode media(long updateId, long chat, String language, String payload) {
        ObjectNode update = payload("updates/" + payload);
        update.put("update_id", updateId);
        fromChat((ObjectNode) update.get("message"), updateId, chat, language);
        return update;
    }

    /** The customer changed the text of the message with this id, from the shared payload. */
    public static ObjectNode edited(long updateId, long chat, String language, long messageId, String text) {
        ObjectNode update = payload("updates/edited_message.json");
        update.put("update_id", updateId);
        ObjectNode message = (ObjectNode) update.get("edited_message");
        fromChat(message, messageId, chat, language);
        message.put("text", text);
        return update;
    }

    private static void fromChat(ObjectNode message, long messageId, long chat, String language) {
        message.put("message_id", messageId);
        ((ObjectNode) message.get("from")).put("id", chat).put("language_code", language);
        ((ObjectNode) message.get("chat")).put("id", chat);
    }

    /** A message in a group, from the shared payload. */
    public static ObjectNode groupText(long updateId) {
        ObjectNode update = payload("updates/message_group.json");
        update.put("update_id", updateId);
        return update;
    }

    /** A press on the button with this callback data, under the message it was sent with. */
    public static ObjectNode press(long updateId, long chat, String language, int messageId, String data) {
        ObjectNode update = payload("updates/callback_query.json");
        update.put("update_id", updateId);
        ObjectNode query = (ObjectNode) update.get("callback_query");
        query.put("id", "cb" + updateId);
        query.put("data", data);
        ((ObjectNode) query.get("from")).put("id", chat).put("language_code", language);
        ObjectNode message = (ObjectNode) query.get("message");
        message.put("message_id", messageId);
        ((ObjectNode) message.get("chat")).put("id", chat);
        return update;
    }

    static ObjectNode payload(String name) {
        try {
            return (ObjectNode) JSON.readTree(Files.readString(PAYLOADS.resolve(name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- the server ---------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().startsWith("/file/bot")) {
                download(exchange);
                return;
            }
            String[] path = exchange.getRequestURI().getPath().split("/");
            String method = path[path.length - 1].toLowerCase(Locale.ROOT);
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
            JsonNode body = contentType.startsWith("application/json") && raw.length > 0
                    ? JSON.readTree(raw) : JSON.createObjectNode();
            if (method.equals("getupdates")) {
                reply(exchange, 200, updates(body));
                return;
            }
            String answer = answer(method, body);
            JsonNode answered = JSON.readTree(answer);
            int status = answered.get("ok").asBoolean() ? 200 : answered.get("error_code").asInt();
            calls.add(new Call(method, body, System.nanoTime(), status, answered.path("result").path("message_id").asLong(0)));
            reply(exchange, status, answer);
        }
    }

    private String answer(String method, JsonNode body) throws IOException {
        long chat = body.path("chat_id").asLong();
        if (LIMITED.contains(method)) {
            if (blocked.contains(chat)) {
                return Files.readString(PAYLOADS.resolve("responses/bot_blocked_by_user.json"));
            }
            if (stormLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || !withinLimits(chat)) {
                tooManyRequests.incrementAndGet();
                int retryAfter = stormRetryAfter;
                return "{\"ok\":false,\"error_code\":429,\"description\":\"Too Many Requests: retry after " + retryAfter
                        + "\",\"parameters\":{\"retry_after\":" + retryAfter + "}}";
            }
        }
        return switch (method) {
            case "sendmessage" -> {
                long id = messageIds.incrementAndGet();
                messageTexts.put(chat + ":" + id, body.path("text").asString(""));
                yield "{\"ok\":true,\"result\":" + message(chat, id, body.path("text").asString("")) + "}";
            }
            case "editmessagetext" -> {
                long id = body.path("message_id").asLong();
                String previous = messageTexts.put(chat + ":" + id, body.path("text").asString(""));
                if (body.path("text").asString("").equals(previous) && body.path("reply_markup").isMissingNode()) {
                    yield "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: message is not modified: "
                            + "specified new message content and reply markup are exactly the same\"}";
                }
                yield "{\"ok\":true,\"result\":" + message(chat, id, body.path("text").asString("")) + "}";
            }
            case "editmessagereplymarkup" -> "{\"ok\":true,\"result\":"
                    + message(chat, body.path("message_id").asLong(), "") + "}";
            case "getfile" -> fileInfo(body.path("file_id").asString(""));
            default -> "{\"ok\":true,\"result\":true}";
        };
    }

    private String fileInfo(String fileId) {
        Long statedSize = statedSizes.get(fileId);
        if (statedSize != null) {
            return "{\"ok\":true,\"result\":" + JSON.createObjectNode().put("file_id", fileId)
                    .put("file_unique_id", "u" + fileId.hashCode()).put("file_size", statedSize)
                    .put("file_path", "documents/large.bin") + "}";
        }
        byte[] content = filesById.get(fileId);
        if (content == null) {
            return "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: invalid file_id\"}";
        }
        if (content.length > 20 * 1024 * 1024) {
            return "{\"ok\":false,\"error_code\":400,\"description\":\"Bad Request: file is too big\"}";
        }
        String path = "photos/file_" + filesByPath.size() + ".jpg";
        filesByPath.put(path, content);
        return "{\"ok\":true,\"result\":" + JSON.createObjectNode().put("file_id", fileId)
                .put("file_unique_id", "u" + fileId.hashCode()).put("file_size", content.length).put("file_path", path) + "}";
    }

    private void download(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        downloads.add(path);
        String[] parts = path.split("/", 4); // "", "file", "bot<token>", the file's path
        byte[] content = parts.length == 4 ? filesByPath.get(parts[3]) : null;
        if (content == null) {
            reply(exchange, 404, "{\"ok\":false,\"error_code\":404,\"description\":\"Not Found\"}");
            return;
        }
        exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(200, content.length);
        exchange.getResponseBody().write(content);
    }

    private boolean withinLimits(long chat) {
        Bucket bucket = chatBuckets.computeIfAbsent(chat, c -> c < 0 ? bucket(20, Duration.ofMinutes(1), 3)
                : bucket(1, Duration.ofSeconds(1), 3));
        // The chat's allowance is checked first, so a refused message does not use up the overall one.
        return bucket.tryConsume(1) && overall.tryConsume(1);
    }

    private String updates(JsonNode request) throws IOException {
        long offset = request.path("offset").asLong(0);
        long waitMillis = Math.min(1_000, request.path("timeout").asLong(0) * 1_000);
        long until = System.currentTimeMillis() + waitMillis;
        var batch = JSON.createArrayNode();
        synchronized (pending) {
            pending.removeIf(update -> update.get("update_id").asLong() < offset);
            batch.addAll(replays);
            replays.clear();
            while (pending.isEmpty() && batch.isEmpty() && System.currentTimeMillis() < until) {
                try {
                    pending.wait(Math.max(1, until - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                pending.removeIf(update -> update.get("update_id").asLong() < offset);
            }
            pending.stream().limit(request.path("limit").asInt(100)).forEach(batch::add);
        }
        return "{\"ok\":true,\"result\":" + JSON.writeValueAsString(batch) + "}";
    }

    private static String message(long chat, long id, String text) {
        return JSON.createObjectNode().put("message_id", id).put("date", System.currentTimeMillis() / 1000)
                .put("text", text)
                .set("chat", JSON.createObjectNode().put("id", chat).put("type", chat < 0 ? "supergroup" : "private"))
                .toString();
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static Bucket bucket(int tokens, Duration per, int capacity) {
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(tokens, per).build()).build();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
