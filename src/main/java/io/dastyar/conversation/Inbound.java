package io.dastyar.conversation;

import java.util.Objects;
import java.util.Optional;

import io.dastyar.system.Language;

/**
 * A customer's message as a channel hands it over.
 *
 * @param from            who sent it
 * @param clientMessageId the channel's id for it (widget message id, Telegram update id); resending it is harmless
 * @param content         typed text or a pressed button
 * @param language        the language the customer chose or the channel knows, if any
 */
public record Inbound(ChannelAddress from, String clientMessageId, Content content, Optional<Language> language) {

    public Inbound {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(clientMessageId, "clientMessageId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(language, "language");
        if (clientMessageId.isBlank() || clientMessageId.length() > 128) {
            throw new IllegalArgumentException("clientMessageId must be 1 to 128 characters");
        }
    }

    /** What the customer sent. */
    public sealed interface Content {
        /** What goes into the transcript. */
        String transcriptText();
    }

    public record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String transcriptText() {
            return text;
        }
    }

    /** A quick-reply button; {@code payload} is one of the {@link QuickReply} payloads the bot offered. */
    public record Button(String payload) implements Content {
        public Button {
            Objects.requireNonNull(payload, "payload");
        }

        @Override
        public String transcriptText() {
            return "[" + payload + "]";
        }
    }
}
