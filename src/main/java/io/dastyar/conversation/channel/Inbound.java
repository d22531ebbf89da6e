package io.dastyar.conversation.channel;

import java.util.Objects;
import java.util.Optional;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.system.Language;

/**
 * A customer's message as a channel hands it over.
 *
 * @param from            who sent it
 * @param clientMessageId the channel's id for it (widget message id, Telegram update id); resending it is harmless
 * @param content         typed text, a pressed button, or a photo, file or location ({@link Media})
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
        if (clientMessageId.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("clientMessageId must not contain control characters");
        }
    }

    /** What the customer sent. */
    public sealed interface Content {
        /** What goes into the transcript. */
        String transcriptText();
    }

    /**
     * Typed text. NUL characters are dropped: no customer means to send one, and PostgreSQL cannot store them.
     */
    public record Text(String text) implements Content {
        public Text {
            Objects.requireNonNull(text, "text");
            text = withoutNul(text);
        }

        /**
         * True when nothing in it can be read: only spaces, invisible format characters (zero-width space,
         * joiners, direction marks, BOM, soft hyphen), control characters or combining marks with nothing to
         * combine with. Such a message is no question and is ignored like an empty one.
         */
        public boolean isEmpty() {
            return text.codePoints().noneMatch(Text::readable);
        }

        private static boolean readable(int codePoint) {
            return switch (Character.getType(codePoint)) {
                case Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK,
                     Character.COMBINING_SPACING_MARK, Character.UNASSIGNED, Character.PRIVATE_USE,
                     Character.SURROGATE -> false;
                default -> true;
            };
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
            payload = withoutNul(payload);
        }

        @Override
        public String transcriptText() {
            return "[" + payload + "]";
        }
    }

    /**
     * A photo, file, voice note, video, sticker or location, with the customer's caption if they wrote one. The bot
     * reads only text: in self-service the customer is told so and offered a person; a person waiting for or talking
     * with an agent reaches the agent with it. The caption is the line's text in the transcript.
     */
    public record Media(Attachment attachment, Optional<String> caption) implements Content {
        public Media {
            Objects.requireNonNull(attachment, "attachment");
            caption = caption.map(Inbound::withoutNul).filter(text -> !new Text(text).isEmpty());
        }

        public Media(Attachment attachment) {
            this(attachment, Optional.empty());
        }

        @Override
        public String transcriptText() {
            return caption.orElse("");
        }
    }

    private static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    }
}
