package io.dastyar.conversation.channel;

import io.dastyar.conversation.ChannelAddress;

/** Published by a channel while a customer is typing, for whoever shows it (the agent console). */
public record CustomerTyping(ChannelAddress customer) {
}
