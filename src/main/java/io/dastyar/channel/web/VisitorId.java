package io.dastyar.channel.web;

import java.util.Objects;
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

    ChannelAddress address() {
        return new ChannelAddress(WebChannel.NAME, value.toString());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
