package io.dastyar.handoff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.support.MutableClock;
import io.dastyar.system.Language;

/**
 * How fast the real router drains a long queue on PostgreSQL: 10,000 customers ask for a person (through
 * {@link Conversations#receive}, in four languages) while nobody is online; then 100 agents (capacity 3, two
 * languages each) come online through {@link Handoff#presence}, and each resolves a chat through
 * {@link Handoff#resolve} as soon as it is theirs, so room keeps freeing and routing keeps going until the queue is
 * empty or the time is up. Reported: assignments a second (from the first agent online to the last assignment),
 * the transcript lines and outbox rows written per assignment, and the fairness check: in every language, no chat
 * was assigned before an older one of that language (by the hand-off log's order of assignments and queueing times).
 *
 * <pre>./mvnw -Pbench-assign verify [-Dassign.queued=10000 -Dassign.agents=100 -Dassign.seconds=600]</pre>
 */
@HandoffBench
@Import(AssignmentThroughput.Config.class)
class AssignmentThroughput {

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        CountingChannel countingChannel() {
            return new CountingChannel();
        }
    }

    private static final List<Language> LANGUAGE_MIX = List.of(Language.EN, Language.EN, Language.EN, Language.EN,
            Language.FA, Language.FA, Language.FA, Language.AR, Language.AR, Language.AZ);

    @Autowired
    Conversations conversations;
    @Autowired
    Handoff handoff;
    @Autowired
    HandoffService agentsAdmin;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    CountingChannel channel;

    @Test
    void drainTheQueue() throws Exception {
        int queued = Integer.getInteger("assign.queued", 10_000);
        int agentCount = Integer.getInteger("assign.agents", 100);
        Duration limit = Duration.ofSeconds(Integer.getInteger("assign.seconds", 600));
        Map<ConversationId, Language> languages = enqueue(queued);
        List<String> agents = agents(agentCount);
        long lines = count("message");
        long outbox = count("outbox");

        var stop = new AtomicBoolean();
        var resolved = new AtomicInteger();
        ExecutorService resolvers = Executors.newFixedThreadPool(2);
        long started = System.nanoTime();
        Instant startedAt = clock.instant();
        agents.forEach(agent -> handoff.presence(agent, Presence.ONLINE));
        List<Future<?>> working = new ArrayList<>();
        for (int worker = 0; worker < 2; worker++) {
            int part = worker;
            working.add(resolvers.submit(() -> resolveAsAssigned(part, stop, resolved)));
        }
        long deadline = started + limit.toNanos();
        while (assignments() < queued && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = secondsToLastAssignment(startedAt);
        stop.set(true);
        for (Future<?> future : working) {
            future.get();
        }
        resolvers.shutdown();
        int assigned = assignments();
        double linesPer = (count("message") - lines) / (double) Math.max(1, assigned);
        double outboxPer = (count("outbox") - outbox) / (double) Math.max(1, assigned);
        int jumps = queueJumps(languages);
        String report = String.format(Locale.ROOT, """
                        %d queued, %d agents (capacity 3, two languages each), %d cores
                        assigned %d of %d in %.1f s: %.1f assignments/s%s; %d resolved meanwhile
                        written per assignment (its resolution and the queue notices included): \
                        %.1f transcript lines, %.1f outbox rows; %d replies delivered in all
                        fairness: %d chats assigned before an older one of the same language
                        """, queued, agentCount, Runtime.getRuntime().availableProcessors(), assigned, queued, seconds,
                assigned / seconds, assigned < queued ? " (time limit reached)" : "", resolved.get(), linesPer,
                outboxPer, channel.delivered(), jumps);
        System.out.print(report);
        Files.writeString(Files.createDirectories(Path.of("target/bench")).resolve("assignment-throughput.txt"),
                report);
        assertThat(jumps).as("chats assigned before an older one of the same language").isZero();
    }

    /** Customers ask for a person in words, four at a time; nobody is online, so all of them wait. */
    private Map<ConversationId, Language> enqueue(int queued) throws Exception {
        Map<ConversationId, Language> languages = new ConcurrentHashMap<>();
        Random random = new Random(11);
        List<Language> drawn = new ArrayList<>();
        for (int i = 0; i < queued; i++) {
            drawn.add(LANGUAGE_MIX.get(random.nextInt(LANGUAGE_MIX.size())));
        }
        long started = System.nanoTime();
        try (ExecutorService customers = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < queued; i++) {
                Language language = drawn.get(i);
                String customer = "queued-" + i;
                customers.submit(() -> {
                    ConversationId id = conversations.receive(new Inbound(
                                    new ChannelAddress(CountingChannel.NAME, customer), UUID.randomUUID().toString(),
                                    new Inbound.Text("/person"), Optional.of(language)))
                            .conversation().orElseThrow();
                    languages.put(id, language);
                });
            }
        }
        int waiting = handoff.queue().size();
        System.out.printf(Locale.ROOT, "%d customers queued in %.1f s (%d waiting)%n", languages.size(),
                (System.nanoTime() - started) / 1e9, waiting);
        assertThat(waiting).as("customers waiting").isEqualTo(queued);
        return languages;
    }

    /** Agents registered away, each with capacity 3 and two of the four languages, so languages overlap. */
    private List<String> agents(int count) {
        Language[] all = Language.values();
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String agent = "agent-%03d".formatted(i);
            handoff.presence(agent, Presence.AWAY);
            Set<Language> speaks = EnumSet.of(all[i % all.length], all[(i + 1 + i / all.length) % all.length]);
            agentsAdmin.configure(agent, 3, speaks, Set.of());
            agents.add(agent);
        }
        return agents;
    }

    /** As agents would: every held chat is resolved as soon as it is seen (worker {@code part} of two). */
    private void resolveAsAssigned(int part, AtomicBoolean stop, AtomicInteger resolved) {
        while (!stop.get()) {
            var held = jdbc.sql("SELECT conversation_id, agent FROM handoff_chat WHERE status = 'HELD'")
                    .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2))).list();
            for (var chat : held) {
                if (Math.floorMod(chat.getKey().hashCode(), 2) == part && handoff.resolve(chat.getValue(),
                        new ConversationId(chat.getKey())) == Handoff.Outcome.DONE) {
                    resolved.incrementAndGet();
                }
            }
            if (held.isEmpty()) {
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int assignments() {
        return jdbc.sql("SELECT count(*) FROM handoff_log WHERE kind = 'ASSIGNED'").query(Integer.class).single();
    }

    /** From the agents coming online to the last assignment, by the application's clock (the log's times). */
    private double secondsToLastAssignment(Instant startedAt) {
        Timestamp last = jdbc.sql("SELECT max(at) FROM handoff_log WHERE kind = 'ASSIGNED'")
                .query(Timestamp.class).single();
        return last == null ? Double.NaN : Duration.between(startedAt, last.toInstant()).toNanos() / 1e9;
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /**
     * Walks the assignments in the order they were logged; in each language, a chat queued before the newest one
     * already assigned is a jump (ties in time go by id, as PostgreSQL orders the queue).
     */
    private int queueJumps(Map<ConversationId, Language> languages) {
        Map<Language, String> newestAssigned = new EnumMap<>(Language.class);
        int[] jumps = {0};
        jdbc.sql("""
                        SELECT a.conversation_id,
                               to_char(q.at, 'YYYY-MM-DD HH24:MI:SS.US') || ' ' || q.conversation_id AS place
                        FROM handoff_log a
                        JOIN handoff_log q ON q.conversation_id = a.conversation_id AND q.kind = 'QUEUED'
                        WHERE a.kind = 'ASSIGNED' ORDER BY a.id""")
                .query(rs -> {
                    Language language = languages.get(new ConversationId(rs.getObject(1, UUID.class)));
                    String place = rs.getString(2);
                    String newest = newestAssigned.get(language);
                    if (newest != null && place.compareTo(newest) < 0) {
                        jumps[0]++;
                    } else {
                        newestAssigned.put(language, place);
                    }
                });
        return jumps[0];
    }
}
