package io.dastyar.conversation;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.ChannelFile;

/** The files behind customers' attachments, fetched from the channel they came by when someone opens one. */
@Component
class AttachmentFiles {

    private static final Logger log = LoggerFactory.getLogger(AttachmentFiles.class);

    private final JdbcClient jdbc;
    private final Channels channels;

    AttachmentFiles(JdbcClient jdbc, Channels channels) {
        this.jdbc = jdbc;
        this.channels = channels;
    }

    private record Stored(String channel, String reference) {
    }

    Optional<ChannelFile> of(ConversationId conversation, long line) throws IOException {
        Optional<Stored> stored = jdbc.sql("""
                        SELECT c.channel, m.attachment_ref FROM message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE m.id = ? AND m.conversation_id = ? AND m.attachment_kind IS NOT NULL
                            AND m.attachment_kind <> 'LOCATION'""")
                .params(line, conversation.value())
                .query((rs, row) -> new Stored(rs.getString("channel"), rs.getString("attachment_ref")))
                .optional();
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<Channel> channel = channels.named(stored.get().channel());
        if (channel.isEmpty()) {
            log.info("Attachment {} of {} came by channel {}, which is not enabled", line, conversation,
                    stored.get().channel());
            return Optional.empty();
        }
        try {
            return channel.get().file(stored.get().reference());
        } catch (RuntimeException e) {
            throw new IOException("The " + stored.get().channel() + " channel could not fetch the file", e);
        }
    }
}
