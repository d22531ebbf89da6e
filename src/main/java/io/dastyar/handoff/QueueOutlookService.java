package io.dastyar.handoff;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.QueueOutlook;
import io.dastyar.handoff.AgentStore.Agent;
import io.dastyar.handoff.eta.AgentLoad;
import io.dastyar.handoff.eta.Estimate;
import io.dastyar.handoff.eta.EtaSettings;
import io.dastyar.handoff.eta.HandledChat;
import io.dastyar.handoff.eta.PastWait;
import io.dastyar.handoff.eta.QueueSnapshot;
import io.dastyar.handoff.eta.ShownWait;
import io.dastyar.handoff.eta.WaitEstimator;
import io.dastyar.system.Language;

/**
 * What a waiting customer is told, from hand-off's own tables: closed and the next opening outside business
 * hours; otherwise the estimator's wait range from the agents online who speak the customer's language and the
 * desk's recent history, or that nobody is online when none of them can take chats.
 *
 * <p>The place counts hand-off's waiting (or claimed) chats in the customer's language queued before them. A
 * conversation joining the queue has no row yet (it is inserted when the conversation is saved), so it goes behind
 * all of them; one that has a row (a transfer, back from an agent) keeps that row's place in line.
 */
@Component
class QueueOutlookService implements QueueOutlook {

    /** A chat handled for longer than this before the window is not looked for. */
    private static final Duration LONGEST_STEP = Duration.ofDays(1);

    private final JdbcClient jdbc;
    private final AgentStore agents;
    private final BusinessHours hours;
    private final OpeningText openingText;
    private final RoutingProperties routing;
    private final EtaSettings settings;
    private final WaitEstimator estimator;

    QueueOutlookService(JdbcClient jdbc, AgentStore agents, BusinessHours hours, OpeningText openingText,
                        RoutingProperties routing, EtaSettings settings) {
        this.jdbc = jdbc;
        this.agents = agents;
        this.hours = hours;
        this.openingText = openingText;
        this.routing = routing;
        this.settings = settings;
        this.estimator = new WaitEstimator(settings);
    }

    @Override
    public Board board(Instant now) {
        Line line = line();
        if (!hours.isOpen(now)) {
            Optional<Instant> opening = hours.nextOpening(now);
            return (conversation, language, queuedAt) -> {
                int place = line.placeOf(conversation, language, queuedAt);
                return opening.<Outlook>map(at -> new Closed(place, openingText.phrase(at, language)))
                        .orElseGet(() -> new NobodyOnline(place));
            };
        }
        List<Agent> online = agents.online(now.minus(routing.heartbeatGrace()));
        History history = online.isEmpty() ? History.NONE : history(now);
        return (conversation, language, queuedAt) -> {
            int place = line.placeOf(conversation, language, queuedAt);
            List<AgentLoad> serving = online.stream().filter(agent -> agent.languages().contains(language))
                    .map(agent -> new AgentLoad(agent.capacity(), agent.load())).toList();
            Optional<Estimate> estimate = estimator.estimate(
                    new QueueSnapshot(now, place, serving, history.chats(), history.waits()));
            return estimate.<Outlook>map(found -> new Waiting(place, Optional.of(range(found.shown()))))
                    .orElseGet(() -> new NobodyOnline(place));
        };
    }

    private static WaitRange range(ShownWait shown) {
        return new WaitRange(shown.fromMinutes(), shown.toMinutes());
    }

    /** Hand-off's chats in line, read once: those waiting or claimed count as ahead, any row keeps its time. */
    private Line line() {
        var queuedAt = new HashMap<UUID, Instant>();
        var ahead = new HashMap<Language, List<InLine>>();
        jdbc.sql("SELECT conversation_id, language, queued_at, status FROM handoff_chat").query(rs -> {
            UUID id = rs.getObject("conversation_id", UUID.class);
            Instant at = rs.getTimestamp("queued_at").toInstant();
            queuedAt.put(id, at);
            if (!rs.getString("status").equals(ChatStore.Status.HELD.name())) {
                ahead.computeIfAbsent(Language.valueOf(rs.getString("language")), l -> new ArrayList<>())
                        .add(new InLine(at, id.toString()));
            }
        });
        ahead.values().forEach(chats -> chats.sort(InLine.ORDER));
        return new Line(queuedAt, ahead);
    }

    /** Of two queued at the same instant, PostgreSQL's order of their ids (bytewise: as hex text) goes first. */
    private record InLine(Instant at, String id) {

        static final Comparator<InLine> ORDER = Comparator.comparing(InLine::at).thenComparing(InLine::id);
    }

    /**
     * The line per language: a customer waits only behind those who wait for the same agents (those who speak
     * their language), so their place is counted among them. Sorted once, so each place is a binary search.
     */
    private record Line(Map<UUID, Instant> queuedAt, Map<Language, List<InLine>> waiting) {

        int placeOf(ConversationId conversation, Language language, Instant asked) {
            UUID self = conversation.value();
            var me = new InLine(queuedAt.getOrDefault(self, asked), self.toString());
            List<InLine> sameLanguage = waiting.getOrDefault(language, List.of());
            int found = Collections.binarySearch(sameLanguage, me, InLine.ORDER);
            // Found: those before it are ahead. Not found (joining, no row yet): its insertion point is.
            int before = found >= 0 ? found : -found - 1;
            return before + 1;
        }
    }

    private record History(List<HandledChat> chats, List<PastWait> waits) {

        static final History NONE = new History(List.of(), List.of());
    }

    /**
     * The window's history from the hand-off log, in one query: each entry into the queue or assignment paired
     * with what came next. Assigned to its end is a handle time; queued to assigned a wait, queued to resolved or
     * ended a customer who gave up.
     */
    private History history(Instant now) {
        Instant since = now.minus(settings.window());
        var chats = new ArrayList<HandledChat>();
        var waits = new ArrayList<PastWait>();
        jdbc.sql("""
                        SELECT s.kind AS started, s.at AS started_at, n.kind AS next, n.at AS next_at
                        FROM handoff_log s
                        JOIN handoff_log n ON n.id = (
                            SELECT min(x.id) FROM handoff_log x
                            WHERE x.conversation_id = s.conversation_id AND x.id > s.id
                              AND x.kind IN ('ASSIGNED', 'TRANSFERRED', 'REQUEUED', 'RESOLVED', 'ENDED'))
                        WHERE s.kind IN ('QUEUED', 'TRANSFERRED', 'REQUEUED', 'ASSIGNED')
                          AND s.at > ? AND s.at <= ? AND n.at > ? AND n.at <= ?""")
                .params(Timestamp.from(since.minus(LONGEST_STEP)), Timestamp.from(now),
                        Timestamp.from(since), Timestamp.from(now))
                .query(rs -> {
                    String started = rs.getString("started");
                    String next = rs.getString("next");
                    Instant startedAt = rs.getTimestamp("started_at").toInstant();
                    Instant nextAt = rs.getTimestamp("next_at").toInstant();
                    Duration took = Duration.between(startedAt, nextAt);
                    if (took.isNegative()) {
                        return;
                    }
                    if (started.equals(HandoffLog.Kind.ASSIGNED.name())) {
                        chats.add(new HandledChat(nextAt, took));
                    } else if (next.equals(HandoffLog.Kind.ASSIGNED.name())) {
                        // The place on joining is not logged; the estimate does not use it.
                        waits.add(new PastWait(nextAt, 1, took, true));
                    } else if (next.equals(HandoffLog.Kind.RESOLVED.name()) || next.equals(HandoffLog.Kind.ENDED.name())) {
                        waits.add(new PastWait(nextAt, 1, took, false));
                    }
                });
        return new History(chats, waits);
    }
}
