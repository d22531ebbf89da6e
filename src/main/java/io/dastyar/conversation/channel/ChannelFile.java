package io.dastyar.conversation.channel;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A file a customer sent, as a channel hands it to the server ({@link Channel#file(String)}) for the agent console.
 * Held in memory, hence the limit: a channel refuses a larger one with {@link TooLarge}, before downloading it where
 * it can.
 *
 * @param content     the file's bytes, not copied: nobody changes them
 * @param contentType the type the channel states, if any; the server decides what it is served as
 * @param name        the file's name as the channel knows it, if any
 */
public record ChannelFile(byte[] content, Optional<String> contentType, Optional<String> name) {

    /** 20 MiB, what the Telegram Bot API lets a bot download. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    public ChannelFile {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(name, "name");
        if (content.length > MAX_BYTES) {
            throw new IllegalArgumentException("A file is at most " + MAX_BYTES + " bytes, not " + content.length);
        }
    }

    /** The file is larger than {@link #MAX_BYTES}: the agent is told so rather than waiting for it. */
    public static class TooLarge extends IOException {
        public TooLarge(long bytes) {
            super("The file has " + bytes + " bytes; at most " + MAX_BYTES + " are passed on");
        }
    }
}
