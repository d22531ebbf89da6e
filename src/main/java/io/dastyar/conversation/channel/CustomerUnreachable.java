package io.dastyar.conversation.channel;

import java.time.Instant;

import io.dastyar.conversation.ChannelAddress;

/**
 * Published by a channel when a customer can no longer be reached there (a Telegram user who blocked the bot), so
 * whoever is talking to them (the agent console) knows their replies will not arrive. It lasts until the customer
 * writes again.
 */
public record CustomerUnreachable(ChannelAddress customer, Instant since) {
}
