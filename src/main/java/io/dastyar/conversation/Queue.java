package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/** Places in the queue for a person, first come first served, and the wait they imply. */
@Component
class Queue {

    /** Someone waiting, with their new place: as much as a queue-status notice needs. */
    record Waiting(ConversationId id, ChannelAddress customer, Language language, Place place) {
    }

    record Place(int position, Duration expectedWait) {
    }

    private final JdbcClient jdbc;
    private final ConversationProperties properties;

    Queue(JdbcClient jdbc, ConversationProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /**
     * The place of a conversation queued at {@code queuedAt}, not counting {@code leaving}: one that is leaving
     * the queue in the current transaction, whose row still says QUEUED. The conversation's own row is not
     * read, so this also works while it is being queued.
     */
    Place placeOf(ConversationId id, Instant queuedAt, ConversationId leaving) {
        int ahead = jdbc.sql("""
                        SELECT count(*) FROM conversation
                        WHERE state = 'QUEUED' AND id <> ? AND id <> ?
                          AND (queued_at < ? OR (queued_at = ? AND id < ?))""")
                .params(id.value(), leaving.value(), Timestamp.from(queuedAt), Timestamp.from(queuedAt), id.value())
                .query(Integer.class).single();
        return place(ahead + 1);
    }

    /**
     * Those who move up a place when a conversation queued at {@code queuedAt} leaves the queue, each with
     * their new place, in one query however long the queue.
     */
    List<Waiting> behind(ConversationId leaving, Instant queuedAt) {
        return jdbc.sql("""
                        SELECT id, channel, recipient, language, position FROM (
                            SELECT id, channel, recipient, language, queued_at,
                                   ROW_NUMBER() OVER (ORDER BY queued_at, id) AS position
                            FROM conversation WHERE state = 'QUEUED' AND id <> ?) waiting
                        WHERE queued_at >= ? ORDER BY position""")
                .params(leaving.value(), Timestamp.from(queuedAt))
                .query((rs, row) -> new Waiting(new ConversationId(rs.getObject("id", UUID.class)),
                        new ChannelAddress(rs.getString("channel"), rs.getString("recipient")),
                        Language.valueOf(rs.getString("language")), place(rs.getInt("position"))))
                .list();
    }

    private Place place(int position) {
        return new Place(position, properties.queueTimePerCustomer().multipliedBy(position));
    }
}
