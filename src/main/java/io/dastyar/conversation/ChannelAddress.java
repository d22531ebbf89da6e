package io.dastyar.conversation;

import java.util.Objects;

/**
 * Where a customer is reached: the channel's name ("web", "telegram") and the customer's address in it
 * (a widget visitor id, a Telegram chat id).
 */
public record ChannelAddress(String channel, String recipient) {

    public ChannelAddress {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(recipient, "recipient");
        if (channel.isBlank() || recipient.isBlank()) {
            throw new IllegalArgumentException("channel and recipient must not be blank");
        }
        if (channel.length() > 32 || recipient.length() > 255) {
            throw new IllegalArgumentException("channel is at most 32 characters and recipient at most 255");
        }
    }

    String key() {
        return channel + ":" + recipient;
    }
}
