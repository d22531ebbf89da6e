package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dastyar.conversation.channel.Reply;

/**
 * One line of a conversation's transcript, in or out.
 *
 * @param channelMessageId the channel's id of an inbound line (the widget's client message id); null when outbound
 * @param reply            for an outbound line, the reply as it was sent, with its kind and buttons
 */
public record TranscriptEntry(long id, ConversationId conversation, Direction direction, Author author,
                              String text, @Nullable String channelMessageId, Instant at, Optional<Reply> reply) {

    public enum Direction { IN, OUT }
}
