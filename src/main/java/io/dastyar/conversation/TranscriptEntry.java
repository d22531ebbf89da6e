package io.dastyar.conversation;

import java.time.Instant;

/** One line of a conversation's transcript, in or out. */
public record TranscriptEntry(long id, ConversationId conversation, Direction direction, Author author,
                              String text, String channelMessageId, Instant at) {

    public enum Direction { IN, OUT }
}
