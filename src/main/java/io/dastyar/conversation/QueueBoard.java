package io.dastyar.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/**
 * Keeps every waiting customer's queue status current without writing a line anywhere: the status is worked out
 * from the live queue and handed to the customer's channel, which shows it in place. A customer leaving the queue
 * only marks the board as moved; the next refresh (within a second) works out everyone's outlook
 * at once, from one query for those waiting and one board from hand-off, and tells each customer whose status
 * changed meaningfully. However many leave in between, a customer hears at most one change per refresh. Without
 * a move, the board is worked out again every {@code queue-status-refresh}, so estimates follow the agents.
 *
 * <p>Each instance tells the customers its channels reach; what a customer last saw is kept in memory, so after a
 * restart everyone hears their status once more.
 */
@Component
class QueueBoard {

    private static final Logger log = LoggerFactory.getLogger(QueueBoard.class);
    /** An estimate that moved by a minute or less is told only once the status shown is this old. */
    private static final Duration SMALL_CHANGES_AFTER = Duration.ofMinutes(3);

    record Waiting(ConversationId id, ChannelAddress customer, Language language, Instant queuedAt) {
    }

    private final JdbcClient jdbc;
    private final QueueNotices notices;
    private final Channels channels;
    private final ConversationProperties properties;
    private final Clock clock;
    private final Map<ConversationId, ShownStatus> shown = new ConcurrentHashMap<>();
    private final AtomicBoolean moved = new AtomicBoolean(true);
    private volatile Instant lastRefresh = Instant.EPOCH;

    QueueBoard(JdbcClient jdbc, QueueNotices notices, Channels channels, ConversationProperties properties,
               Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.channels = channels;
        this.properties = properties;
        this.clock = clock;
    }

    /** After the commit, so the refresh sees the queue as it now is. */
    @TransactionalEventListener
    void on(ConversationMoved move) {
        if (move.entered(ConversationState.QUEUED) || move.left(ConversationState.QUEUED)) {
            moved.set(true);
        }
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void tick() {
        Instant now = clock.instant();
        if (moved.getAndSet(false) || !now.isBefore(lastRefresh.plus(properties.queueStatusRefresh()))) {
            try {
                refresh(now);
            } catch (RuntimeException e) {
                moved.set(true);
                log.warn("Could not refresh the queue status: {}", e.toString());
            }
        }
    }

    /**
     * Works out every waiting customer's status and tells those whose status changed meaningfully.
     *
     * @return how many customers were told
     */
    int refresh(Instant now) {
        lastRefresh = now;
        List<Waiting> waiting = waiting();
        QueueOutlook.Board board = notices.board(now);
        var stillWaiting = new HashSet<ConversationId>();
        int told = 0;
        for (Waiting customer : waiting) {
            stillWaiting.add(customer.id());
            QueueOutlook.Outlook outlook = board.outlook(customer.id(), customer.language(), customer.queuedAt());
            ShownStatus before = shown.get(customer.id());
            if (before == null || before.worthReplacingWith(outlook, now, SMALL_CHANGES_AFTER)) {
                Reply status = notices.status(customer.language(), outlook);
                shown.put(customer.id(), new ShownStatus(outlook, now));
                channels.named(customer.customer().channel()).ifPresent(channel ->
                        channel.showQueueStatus(customer.customer().recipient(), customer.id(), status));
                told++;
            }
        }
        shown.keySet().retainAll(stillWaiting);
        return told;
    }

    /** The current status of a waiting conversation, for a channel that shows it on demand (a reconnecting widget). */
    Optional<Reply> current(ConversationId id) {
        return waiting(id).map(customer -> notices.status(customer.language(),
                notices.board(clock.instant()).outlook(customer.id(), customer.language(), customer.queuedAt())));
    }

    private List<Waiting> waiting() {
        return jdbc.sql("SELECT id, channel, recipient, language, queued_at FROM conversation WHERE state = 'QUEUED'")
                .query((rs, row) -> waiting(rs)).list();
    }

    private Optional<Waiting> waiting(ConversationId id) {
        return jdbc.sql("""
                        SELECT id, channel, recipient, language, queued_at FROM conversation
                        WHERE id = ? AND state = 'QUEUED'""")
                .param(id.value()).query((rs, row) -> waiting(rs)).optional();
    }

    private static Waiting waiting(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Waiting(new ConversationId(rs.getObject("id", UUID.class)),
                new ChannelAddress(rs.getString("channel"), rs.getString("recipient")),
                Language.valueOf(rs.getString("language")), rs.getTimestamp("queued_at").toInstant());
    }

    /** What a customer was last told, and when. */
    record ShownStatus(QueueOutlook.Outlook outlook, Instant at) {

        /**
         * A new place, another kind of outlook or opening, or an estimate that moved by more than a minute is worth
         * telling at once; a smaller change waits until the last status is {@code staleAfter} old.
         */
        boolean worthReplacingWith(QueueOutlook.Outlook now, Instant when, Duration staleAfter) {
            if (now.equals(outlook)) {
                return false;
            }
            if (now.place() != outlook.place() || now.getClass() != outlook.getClass()) {
                return true;
            }
            if (now instanceof QueueOutlook.Waiting current && outlook instanceof QueueOutlook.Waiting before
                    && current.expected().isPresent() && before.expected().isPresent()) {
                QueueOutlook.WaitRange a = current.expected().get();
                QueueOutlook.WaitRange b = before.expected().get();
                boolean movedMoreThanAMinute = Math.abs(a.fromMinutes() - b.fromMinutes()) > 1
                        || Math.abs(a.toMinutes() - b.toMinutes()) > 1;
                return movedMoreThanAMinute || !when.isBefore(at.plus(staleAfter));
            }
            return true;
        }
    }
}
