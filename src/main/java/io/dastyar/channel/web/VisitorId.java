package io.dastyar.channel.web;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.dastyar.conversation.ChannelAddress;

/** An anonymous widget visitor: the subject of their token and their address in the "web" channel. */
record VisitorId(UUID value) {

    VisitorId {
        Objects.requireNonNull(value, "value");
    }

    static VisitorId random() {
        return new VisitorId(UUID.randomUUID());
    }

    /**
     * The visitor named by a token's subject: a UUID in its canonical form (lower case, as {@link #toString()}
     * writes it). Anything else, "1-2-3-4-5" and upper case included, names no visitor.
     */
    static Optional<VisitorId> parse(String subject) {
        if (subject == null || subject.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID value = UUID.fromString(subject);
            return value.toString().equals(subject) ? Optional.of(new VisitorId(value)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    ChannelAddress address() {
        return new ChannelAddress(WebChannel.NAME, value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
