package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

/**
 * One line of a conversation's transcript, in or out.
 *
 * @param channelMessageId the channel's id of an inbound line (the widget's client message id)
 * @param reply            for an outbound line, the reply as it was sent, with its kind and buttons
 */
public record TranscriptEntry(long id, ConversationId conversation, Direction direction, Author author,
                              String text, String channelMessageId, Instant at, Optional<Reply> reply) {

    public enum Direction { IN, OUT }
}
