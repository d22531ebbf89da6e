package io.dastyar.channel.web;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget under load, end to end: starts PostgreSQL and the packaged application (its own JVM, heap
 * capped), opens N widget WebSockets, and has them ask the sample knowledge base questions at a steady rate.
 * A turn is a question sent until the bot's first line for it arrives. With agents, some customers are also
 * with an agent and write to them meanwhile, timed to the agent's console ({@link ConsoleLatency}).
 *
 * <pre>./mvnw -Pload verify -Dconnections=5000 -Drate=300 -Dseconds=60 [-Dagents=20 -DchatRate=10]</pre>
 */
public final class LoadDriver {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String ADMIN_PASSWORD = "load-driver-admin-password";
    private static final List<String> QUESTIONS = List.of(
            "How long does delivery take?", "Where is my order?", "How do I return an item?",
            "When will I get my refund?", "Which payment methods do you accept?", "Can I pay in instalments?",
            "How do I reset my password?", "Can I change my delivery address?", "Is my product under warranty?",
            "How do I cancel my order?", "Do you deliver on weekends?", "My parcel arrived damaged",
            "How do I delete my account?", "Can I exchange an item for another size?", "Why was my card declined?",
            "Do you have a physical store?", "What is the meaning of life?", "Can I track my parcel?");

    /** One widget visitor: at most one question in flight. */
    private static final class Visitor implements WebSocket.Listener {
        final StringBuilder partial = new StringBuilder();
        volatile WebSocket socket;
        volatile long askedAt;
        volatile boolean busy;
        final Run run;

        Visitor(Run run) {
            this.run = run;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                if (busy && frame.contains("\"type\":\"message\"") && frame.contains("\"author\":\"bot\"")) {
                    run.turnDone(System.nanoTime() - askedAt);
                    busy = false;
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            run.errors.incrementAndGet();
        }

        void ask() {
            busy = true;
            askedAt = System.nanoTime();
            String question = QUESTIONS.get(ThreadLocalRandom.current().nextInt(QUESTIONS.size()));
            socket.sendText(JSON.writeValueAsString(java.util.Map.of("type", "message",
                    "clientMessageId", java.util.UUID.randomUUID().toString(), "text", question)), true);
        }
    }

    /** What one measured stretch saw. */
    private static final class Run {
        volatile boolean measuring;
        volatile ConsoleLatency console;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        final AtomicInteger skipped = new AtomicInteger();
        final AtomicInteger errors = new AtomicInteger();

        void turnDone(long nanos) {
            if (measuring) {
                latencies.add(nanos);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int connections = Integer.parseInt(args[1]);
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int agents = args.length > 4 ? Integer.parseInt(args[4]) : 0;
        int chatRate = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        Path work = Files.createDirectories(Path.of("target/load"));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            int port;
            try (var socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process server = startServer(jar, postgres, port, work);
            try {
                String base = "http://localhost:" + port;
                awaitHealthy(base, server);
                report(drive(base, connections, rate, seconds, agents, chatRate), server, base, connections, rate, seconds);
            } finally {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static Process startServer(Path jar, EmbeddedPostgres postgres, int port, Path work) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = new ArrayList<String>(List.of(java, "-Xmx512m", "--add-modules=jdk.incubator.vector"));
        // For profiling, e.g. LOAD_SERVER_JVM_ARGS=-XX:StartFlightRecording=filename=target/load/server.jfr
        String extra = System.getenv().getOrDefault("LOAD_SERVER_JVM_ARGS", "");
        if (!extra.isBlank()) {
            command.addAll(Arrays.asList(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20",
                // Every visitor comes from this one address and asks far faster than a person would.
                "--support.widget.new-visitors-per-minute-per-address=100000",
                "--support.widget.message-burst=1000",
                "--support.widget.messages-per-minute=100000",
                "--logging.level.io.dastyar=WARN"));
        // E.g. LOAD_SERVER_ARGS=--support.knowledge-base.semantic.enabled=false to rank by words alone.
        String serverArgs = System.getenv().getOrDefault("LOAD_SERVER_ARGS", "");
        if (!serverArgs.isBlank()) {
            command.addAll(Arrays.asList(serverArgs.trim().split("\\s+")));
        }
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile());
        builder.environment().put("DASTYAR_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("DASTYAR_WIDGET_SECRET", "load-driver-secret-load-driver-secret-0123");
        System.out.println("Server: " + String.join(" ", command) + "  (log: " + work.resolve("server.log") + ")");
        return builder.start();
    }

    private static void awaitHealthy(String base, Process server) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The server stopped; see target/load/server.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("The server did not become healthy in 5 minutes");
    }

    private static Run drive(String base, int connections, int rate, int seconds, int agents, int chatRate)
            throws Exception {
        var run = new Run();
        HttpClient http = HttpClient.newBuilder().executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        List<Visitor> visitors = new ArrayList<>();
        long openStart = System.nanoTime();
        for (int batch = 0; batch < connections; batch += 250) {
            var opening = new ArrayList<CompletableFuture<?>>();
            for (int i = batch; i < Math.min(connections, batch + 250); i++) {
                var visitor = new Visitor(run);
                visitors.add(visitor);
                opening.add(http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/widget/visitors"))
                                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                        .thenCompose(created -> http.newWebSocketBuilder().buildAsync(URI.create(
                                base.replace("http", "ws") + "/ws/widget?lang=en&access_token="
                                        + JSON.readTree(created.body()).get("token").asString()), visitor))
                        .thenAccept(socket -> visitor.socket = socket));
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(2, TimeUnit.MINUTES);
        }
        System.out.printf(Locale.ROOT, "%d connections open in %.1f s%n", connections,
                (System.nanoTime() - openStart) / 1e9);

        var ticker = Executors.newScheduledThreadPool(2);
        // Like the widget, ping every 30 s so idle sockets are not taken for dead.
        ticker.scheduleAtFixedRate(() -> visitors.forEach(visitor -> visitor.socket.sendText("{\"type\":\"ping\"}", true)),
                30, 30, TimeUnit.SECONDS);
        if (agents > 0) {
            // Three customers an agent (the default capacity), held by them before the bot traffic starts.
            ConsoleLatency console = ConsoleLatency.start(base, http, ADMIN_PASSWORD, agents, 3 * agents, ticker);
            ticker.scheduleAtFixedRate(console::tick, 0, 1_000_000_000L / chatRate, TimeUnit.NANOSECONDS);
            run.console = console;
        }
        var next = new AtomicLong();
        ticker.scheduleAtFixedRate(() -> {
            // Open loop: a question every tick to the next idle visitor, whether or not earlier ones were answered.
            for (int tries = 0; tries < visitors.size(); tries++) {
                Visitor visitor = visitors.get((int) (next.getAndIncrement() % visitors.size()));
                if (!visitor.busy) {
                    visitor.ask();
                    return;
                }
            }
            run.skipped.incrementAndGet();
        }, 0, 1_000_000_000L / rate, TimeUnit.NANOSECONDS);
        Thread.sleep(Duration.ofSeconds(Math.min(15, seconds)));   // warm-up
        setMeasuring(run, true);
        Thread.sleep(Duration.ofSeconds(seconds));
        setMeasuring(run, false);
        ticker.shutdownNow();
        return run;
    }

    private static void setMeasuring(Run run, boolean on) {
        run.measuring = on;
        if (run.console != null) {
            run.console.measuring(on);
        }
    }

    private static void report(Run run, Process server, String base, int connections, int rate, int seconds)
            throws Exception {
        long[] sorted = run.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        // What the connections really hold: the heap in use right after a full collection.
        new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(server.pid()), "GC.run").redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
        String metrics = prometheus(base);
        double connected = sum(metrics, "dastyar_widget_visitors_connected");
        double heap = sum(metrics, "jvm_memory_used_bytes{area=\"heap\"");
        String rss = Files.readAllLines(Path.of("/proc/" + server.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS")).findFirst().orElse("VmRSS: ?").replaceAll("\\s+", " ");
        var out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "connections: %d requested, %.0f held by the server%n", connections, connected));
        out.append(String.format(Locale.ROOT, "offered rate: %d turns/s for %d s; achieved: %.1f turns/s (%d turns, %d ticks with every visitor busy, %d socket errors)%n",
                rate, seconds, sorted.length / (double) seconds, sorted.length, run.skipped.get(), run.errors.get()));
        out.append(String.format(Locale.ROOT, "latency (message sent -> first bot line): p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), percentile(sorted, 100)));
        if (run.console != null) {
            long[] console = run.console.sortedLatencies();
            out.append(String.format(Locale.ROOT, "customer message -> agent's console (SSE message event): %d in %d s, "
                            + "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d ticks with every chat waiting, "
                            + "%d messages without their event at the end)%n",
                    console.length, seconds, percentile(console, 50), percentile(console, 90), percentile(console, 99),
                    percentile(console, 100), run.console.skipped(), run.console.unanswered()));
        }
        out.append(String.format(Locale.ROOT, "server heap in use after a full GC: %.0f MB (cap 512 MB); server %s%n",
                heap / 1e6, rss));
        out.append("where the time goes (server side, whole run incl. warm-up):\n");
        for (String timer : List.of("dastyar_widget_receive", "dastyar_knowledge_search", "dastyar_outbox_wait")) {
            double count = sum(metrics, timer + "_seconds_count");
            double total = sum(metrics, timer + "_seconds_sum");
            out.append(String.format(Locale.ROOT, "  %-26s mean %.2f ms, max %.1f ms (last minute) over %.0f%n", timer,
                    count == 0 ? 0 : total * 1000 / count, sum(metrics, timer + "_seconds_max") * 1000, count));
        }
        System.out.print(out);
        Files.writeString(Path.of("target/load/report.txt"), out);
    }

    private static double percentile(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static String prometheus(String base) throws Exception {
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus"))
                .header("Authorization", "Basic " + auth).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The sum of a metric's samples whose line starts with {@code prefix} (a name, maybe with a first label). */
    private static double sum(String metrics, String prefix) {
        return metrics.lines().filter(line -> line.startsWith(prefix + " ") || line.startsWith(prefix + "{")
                        || (prefix.contains("{") && line.startsWith(prefix)))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private LoadDriver() {
    }
}
