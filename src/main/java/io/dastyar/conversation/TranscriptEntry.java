package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.Reply;

/**
 * One line of a conversation's transcript, in or out.
 *
 * @param channelMessageId the channel's id of an inbound line (the widget's client message id); null when outbound
 * @param reply            for an outbound line, the reply as it was sent, with its kind and buttons
 * @param attachment       for a customer's photo, file or location, what it is; {@code text} is then its caption
 * @param edited           for a customer's line they edited later: when, and what it said first
 */
public record TranscriptEntry(long id, ConversationId conversation, Direction direction, Author author,
                              String text, @Nullable String channelMessageId, Instant at, Optional<Reply> reply,
                              Optional<Attachment> attachment, Optional<Edited> edited) {

    public enum Direction { IN, OUT }

    /** A line the customer edited: {@code text} is the latest version, {@code originalText} the one first received. */
    public record Edited(Instant at, String originalText) {
    }
}
