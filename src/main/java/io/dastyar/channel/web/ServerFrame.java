package io.dastyar.channel.web;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the widget is sent. See {@code docs/widget-protocol.md}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ServerFrame.Ack.class, name = "ack"),
        @JsonSubTypes.Type(value = ServerFrame.Message.class, name = "message"),
        @JsonSubTypes.Type(value = ServerFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ServerFrame.QueueStatus.class, name = "queue_status"),
        @JsonSubTypes.Type(value = ServerFrame.Error.class, name = "error"),
        @JsonSubTypes.Type(value = ServerFrame.Pong.class, name = "pong")})
@JsonInclude(JsonInclude.Include.NON_NULL)
sealed interface ServerFrame {

    /**
     * @param outcome accepted, duplicate, ignored or refused
     * @param line    the message's transcript line, so the widget can place it among the replies it caused
     */
    record Ack(String clientMessageId, String outcome, String conversation, Long line) implements ServerFrame {
    }

    /** A transcript line; {@code html} only on the bot's lines, rendered safe on the server. */
    record Message(long id, String conversation, String direction, String author, String kind, String text,
                   String html, List<QuickReply> quickReplies, String clientMessageId, Instant at, String state,
                   String agentName)
            implements ServerFrame {
    }

    record QuickReply(String label, String payload) {
    }

    /** A waiting visitor's place and wait now: shown in place of the queue-status line, never a new line. */
    record QueueStatus(String conversation, String text, Instant at) implements ServerFrame {
    }

    /** @param author bot or agent */
    record Typing(String author) implements ServerFrame {
    }

    /** @param code malformed or rate_limited; {@code message} is for the visitor, in their language */
    record Error(String code, String message, String clientMessageId, Long retryAfterMs) implements ServerFrame {
    }

    record Pong() implements ServerFrame {
    }
}
