package io.dastyar.channel.telegram;

import static io.dastyar.channel.telegram.UpdateStore.ts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import io.dastyar.system.Language;

/**
 * Proactive notices: one message, in one language, to every chat subscribed in it (/subscribe). Each recipient gets a
 * row in the outbound queue tagged with the notice, so notices keep Telegram's limits like any reply (after replies,
 * see {@link OutboundStore#due}), and that row's status is the recipient's result: sent, failed (with Telegram's
 * reason, a blocked bot among them) or still pending.
 */
@Repository
@TelegramOn
class TelegramNotices {

    /** A notice and how far it has gone. */
    record Notice(long id, Language language, String text, String sentBy, Instant createdAt, long sent, long failed,
                  long pending) {

        public long recipients() {
            return sent + failed + pending;
        }

        public boolean finished() {
            return pending == 0;
        }
    }

    /** One subscriber's result. */
    record Recipient(long chat, String status, @Nullable String failure, @Nullable Instant sentAt) {
    }

    private static final String NOTICE = """
            SELECT n.id, n.language, n.text, n.sent_by, n.created_at,
                   COUNT(CASE WHEN o.status = 'SENT' THEN 1 END),
                   COUNT(CASE WHEN o.status = 'FAILED' THEN 1 END),
                   COUNT(CASE WHEN o.status IN ('PENDING', 'SENDING') THEN 1 END)
            FROM telegram_notice n LEFT JOIN telegram_outbound o ON o.notice_id = n.id
            """;
    private static final String GROUPED = " GROUP BY n.id, n.language, n.text, n.sent_by, n.created_at";

    private final JdbcClient jdbc;
    private final Wakeups wakeups;

    TelegramNotices(JdbcClient jdbc, Wakeups wakeups) {
        this.jdbc = jdbc;
        this.wakeups = wakeups;
    }

    /**
     * Queues the notice for every private chat subscribed in {@code language} (a language chosen with /language wins
     * over the one read when subscribing). {@code text} is plain text, one Telegram message at most.
     *
     * @return the notice's id
     */
    @Transactional
    long send(Language language, String text, String sentBy, Instant now) {
        String html = TelegramHtml.escape(text);
        var key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO telegram_notice (language, text, sent_by, created_at) VALUES (?, ?, ?, ?)")
                .params(language.tag(), text, sentBy, ts(now)).update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        jdbc.sql("""
                INSERT INTO telegram_outbound (chat_id, kind, text, next_attempt_at, created_at, notice_id)
                SELECT chat_id, 'SEND', ?, ?, ?, ? FROM telegram_chat
                WHERE subscribed_at IS NOT NULL AND chat_id > 0 AND COALESCE(language, notice_language) = ?
                ORDER BY chat_id""")
                .params(html, ts(now), ts(now), id, language.tag()).update();
        wakeups.outbound().signal();
        return id;
    }

    List<Notice> recent(int limit) {
        return jdbc.sql(NOTICE + GROUPED + " ORDER BY n.id DESC LIMIT ?").param(limit).query(TelegramNotices::notice).list();
    }

    Optional<Notice> find(long id) {
        return jdbc.sql(NOTICE + " WHERE n.id = ?" + GROUPED).param(id).query(TelegramNotices::notice).optional();
    }

    /** The first {@code limit} recipients, failures first: they are what an admin looks for. */
    List<Recipient> recipients(long notice, int limit) {
        return jdbc.sql("""
                SELECT chat_id, status, failure, sent_at FROM telegram_outbound WHERE notice_id = ?
                ORDER BY CASE status WHEN 'FAILED' THEN 0 WHEN 'SENT' THEN 2 ELSE 1 END, chat_id LIMIT ?""")
                .params(notice, limit)
                .query((rs, row) -> new Recipient(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                .list();
    }

    private static Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getLong(1), Language.fromTag(rs.getString(2)).orElseThrow(), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getLong(6), rs.getLong(7), rs.getLong(8));
    }
}
