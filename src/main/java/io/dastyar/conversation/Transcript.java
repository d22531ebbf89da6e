package io.dastyar.conversation;

import java.sql.ResultSet;
import java.sql.SQLException;
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
import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;

/**
 * The message log. Rows are inserted and read; the one change is a customer's edit of their own message
 * ({@link MessageEdits}), which keeps the first text.
 */
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

    /** The key under which a customer's message is stored once: a repeat of it, or an edit of it, finds it. */
    static String inboundKey(ChannelAddress from, String clientMessageId) {
        return from.key() + ":" + clientMessageId;
    }

    long appendInbound(ConversationId conversation, Inbound.Content content, String clientMessageId, String inboundKey,
                       Instant at) {
        Attachment attachment = content instanceof Inbound.Media media ? media.attachment() : null;
        return append(conversation, Direction.IN, Author.CUSTOMER, content.transcriptText(), clientMessageId,
                inboundKey, attachment, at);
    }

    long appendOutbound(ConversationId conversation, Author author, String text, Instant at) {
        return append(conversation, Direction.OUT, author, text, null, null, null, at);
    }

    private long append(ConversationId conversation, Direction direction, Author author, String text,
                        @Nullable String channelMessageId, @Nullable String inboundKey,
                        @Nullable Attachment attachment, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO message (conversation_id, direction, author, body, channel_message_id, inbound_key,
                            attachment_kind, attachment_ref, attachment_name, attachment_mime, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(conversation.value(), direction.name(), author.name(), text, channelMessageId, inboundKey,
                        attachment == null ? null : attachment.kind().name(),
                        attachment == null ? null : attachment.reference(),
                        attachment == null ? null : attachment.fileName().orElse(null),
                        attachment == null ? null : attachment.mimeType().orElse(null),
                        Timestamp.from(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Each line with, for outbound ones, the reply as queued (its kind and buttons). */
    List<TranscriptEntry> of(ConversationId conversation) {
        return jdbc.sql("""
                        SELECT m.id, m.direction, m.author, m.body, m.channel_message_id, m.created_at, o.payload,
                            m.attachment_kind, m.attachment_ref, m.attachment_name, m.attachment_mime,
                            m.original_body, m.edited_at
                        FROM message m LEFT JOIN outbox o ON o.message_id = m.id
                        WHERE m.conversation_id = ? ORDER BY m.id""")
                .param(conversation.value())
                .query((rs, row) -> new TranscriptEntry(rs.getLong("id"), conversation,
                        Direction.valueOf(rs.getString("direction")), Author.valueOf(rs.getString("author")),
                        rs.getString("body"), rs.getString("channel_message_id"),
                        rs.getTimestamp("created_at").toInstant(),
                        Optional.ofNullable(rs.getString("payload")).map(payload -> json.readValue(payload, Reply.class)),
                        attachment(rs), edited(rs)))
                .list();
    }

    private static Optional<Attachment> attachment(ResultSet rs) throws SQLException {
        String kind = rs.getString("attachment_kind");
        return kind == null ? Optional.empty() : Optional.of(new Attachment(Attachment.Kind.valueOf(kind),
                rs.getString("attachment_ref"), Optional.ofNullable(rs.getString("attachment_name")),
                Optional.ofNullable(rs.getString("attachment_mime"))));
    }

    private static Optional<TranscriptEntry.Edited> edited(ResultSet rs) throws SQLException {
        Timestamp at = rs.getTimestamp("edited_at");
        return at == null ? Optional.empty()
                : Optional.of(new TranscriptEntry.Edited(at.toInstant(), rs.getString("original_body")));
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
