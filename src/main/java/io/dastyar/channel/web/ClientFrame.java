package io.dastyar.channel.web;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** What the widget sends: a typed message, a pressed button, a typing signal or a keep-alive. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ClientFrame.Message.class, name = "message"),
        @JsonSubTypes.Type(value = ClientFrame.Button.class, name = "button"),
        @JsonSubTypes.Type(value = ClientFrame.Typing.class, name = "typing"),
        @JsonSubTypes.Type(value = ClientFrame.Ping.class, name = "ping")})
sealed interface ClientFrame {

    /** Frames that carry something for the conversation; {@code lang} is the widget's language, if sent. */
    sealed interface Send extends ClientFrame {
        String clientMessageId();

        String lang();
    }

    record Message(String clientMessageId, String text, String lang) implements Send {
    }

    record Button(String clientMessageId, String payload, String lang) implements Send {
    }

    record Typing() implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }
}
