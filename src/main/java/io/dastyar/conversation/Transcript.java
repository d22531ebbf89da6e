package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import io.dastyar.conversation.TranscriptEntry.Direction;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;

/** The append-only message log. Rows are inserted and read, never updated. */
@Component
class Transcript {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Transcript(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** An inbound message already stored under this key: its conversation and line. */
    record Stored(ConversationId conversation, long line) {
    }

    Optional<Stored> inbound(String inboundKey) {
        return jdbc.sql("SELECT conversation_id, id FROM message WHERE inbound_key = ?")
                .param(inboundKey)
                .query((rs, row) -> new Stored(new ConversationId(rs.getObject("conversation_id", UUID.class)),
                        rs.getLong("id")))
                .optional();
    }

    long appendInbound(ConversationId conversation, String text, String clientMessageId, String inboundKey, Instant at) {
        return append(conversation, Direction.IN, Author.CUSTOMER, text, clientMessageId, inboundKey, at);
    }

    long appendOutbound(ConversationId conversation, Author author, String text, Instant at) {
        return append(conversation, Direction.OUT, author, text, null, null, at);
    }

    private long append(ConversationId conversation, Direction direction, Author author, String text,
                        @Nullable String channelMessageId, @Nullable String inboundKey, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO message (conversation_id, direction, author, body, channel_message_id, inbound_key, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), direction.name(), author.name(), text, channelMessageId, inboundKey,
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Each line with, for outbound ones, the reply as queued (its kind and buttons). */
    List<TranscriptEntry> of(ConversationId conversation) {
        return jdbc.sql("""
                        SELECT m.id, m.direction, m.author, m.body, m.channel_message_id, m.created_at, o.payload
                        FROM message m LEFT JOIN outbox o ON o.message_id = m.id
                        WHERE m.conversation_id = ? ORDER BY m.id""")
                .param(conversation.value())
                .query((rs, row) -> new TranscriptEntry(rs.getLong("id"), conversation,
                        Direction.valueOf(rs.getString("direction")), Author.valueOf(rs.getString("author")),
                        rs.getString("body"), rs.getString("channel_message_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getString("payload")).map(payload -> json.readValue(payload, Reply.class))))
                .list();
    }

    /**
     * The buttons of the latest reply that offered any (notices in between, such as a queue status, do not
     * take them away), which a customer on a channel without buttons answers by number.
     */
    List<QuickReply> lastOffered(ConversationId conversation) {
        return jdbc.sql("SELECT payload FROM outbox WHERE conversation_id = ? ORDER BY id DESC LIMIT 10")
                .param(conversation.value())
                .query(String.class).list().stream()
                .map(payload -> json.readValue(payload, Reply.class).quickReplies())
                .filter(buttons -> !buttons.isEmpty())
                .findFirst().orElse(List.of());
    }
}
