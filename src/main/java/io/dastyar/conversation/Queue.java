package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/** Places in the queue for a person, first come first served, as the conversations know them. */
@Component
class Queue {

    /** Someone waiting, with their new place: as much as a queue-status notice needs. */
    record Waiting(ConversationId id, ChannelAddress customer, Language language, Instant queuedAt, int place) {
    }

    private final JdbcClient jdbc;

    Queue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The place of a conversation queued at {@code queuedAt}, from the others' rows only, so it also works while
     * the conversation itself is being queued (its row not saved yet).
     */
    int placeOf(ConversationId id, Instant queuedAt) {
        int ahead = jdbc.sql("""
                        SELECT count(*) FROM conversation
                        WHERE state = 'QUEUED' AND id <> ? AND (queued_at < ? OR (queued_at = ? AND id < ?))""")
                .params(id.value(), Timestamp.from(queuedAt), Timestamp.from(queuedAt), id.value())
                .query(Integer.class).single();
        return ahead + 1;
    }

    /**
     * Those who move up a place when a conversation queued at {@code queuedAt} leaves the queue, each with
     * their new place, in one query however long the queue.
     */
    List<Waiting> behind(ConversationId leaving, Instant queuedAt) {
        return jdbc.sql("""
                        SELECT id, channel, recipient, language, queued_at, position FROM (
                            SELECT id, channel, recipient, language, queued_at,
                                   ROW_NUMBER() OVER (ORDER BY queued_at, id) AS position
                            FROM conversation WHERE state = 'QUEUED' AND id <> ?) waiting
                        WHERE queued_at >= ? ORDER BY position""")
                .params(leaving.value(), Timestamp.from(queuedAt))
                .query((rs, row) -> new Waiting(new ConversationId(rs.getObject("id", UUID.class)),
                        new ChannelAddress(rs.getString("channel"), rs.getString("recipient")),
                        Language.valueOf(rs.getString("language")), rs.getTimestamp("queued_at").toInstant(),
                        rs.getInt("position")))
                .list();
    }
}
