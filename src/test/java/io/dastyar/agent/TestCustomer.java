package io.dastyar.agent;

import java.util.Optional;
import java.util.UUID;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/** A customer on the recording test channel, who talks to the bot and asks for a person. */
final class TestCustomer {

    final ChannelAddress address = new ChannelAddress(RecordingChannel.NAME, "visitor-" + UUID.randomUUID());
    private final Conversations conversations;
    private final Language language;

    TestCustomer(Conversations conversations, Language language) {
        this.conversations = conversations;
        this.language = language;
    }

    ConversationId say(String text) {
        return conversations.receive(new Inbound(address, UUID.randomUUID().toString(), new Inbound.Text(text),
                Optional.of(language))).conversation().orElseThrow();
    }

    ConversationId askForPerson(String question) {
        say(question);
        return conversations.receive(new Inbound(address, UUID.randomUUID().toString(),
                new Inbound.Button(QuickReply.PERSON), Optional.of(language))).conversation().orElseThrow();
    }
}
