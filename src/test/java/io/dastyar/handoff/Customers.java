package io.dastyar.handoff;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationEvent;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.support.RecordingChannel;
import io.dastyar.system.Language;

/** Customers who ask for a person, through the conversation API as a channel would; and a clean slate between tests. */
public final class Customers {

    private final Conversations conversations;
    private final JdbcClient jdbc;

    public Customers(Conversations conversations, JdbcClient jdbc) {
        this.conversations = conversations;
        this.jdbc = jdbc;
    }

    public static ChannelAddress someone() {
        return new ChannelAddress(RecordingChannel.NAME, "customer-" + UUID.randomUUID());
    }

    /** The customer says hello in that language and asks for a person: their conversation is queued. */
    public ConversationId asksForPerson(ChannelAddress customer, Language language) {
        ConversationId id = say(customer, language, "Hello").conversation().orElseThrow();
        conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Button(QuickReply.PERSON),
                Optional.empty()));
        if (conversations.find(id).orElseThrow().state() != ConversationState.QUEUED) {
            throw new IllegalStateException("not queued: " + conversations.find(id));
        }
        return id;
    }

    public io.dastyar.conversation.channel.Receipt say(ChannelAddress customer, Language language, String text) {
        return conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Text(text),
                Optional.of(language)));
    }

    /** The customer rates and comments, which closes the conversation. */
    public void rateAndClose(ChannelAddress customer) {
        conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Button("rate:5"),
                Optional.empty()));
        conversations.receive(new Inbound(customer, UUID.randomUUID().toString(), new Inbound.Text("Thanks"),
                Optional.empty()));
    }

    /** Every agent offline and every waiting or held conversation resolved, so a test starts with nobody around. */
    public void cleanSlate() {
        jdbc.sql("UPDATE handoff_agent SET presence = 'OFFLINE'").update();
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<UUID> open = jdbc.sql("SELECT conversation_id FROM handoff_chat").query(UUID.class).list();
            open.forEach(id -> conversations.fire(new ConversationId(id), ConversationEvent.RESOLVED));
            return jdbc.sql("SELECT count(*) FROM handoff_chat").query(Integer.class).single() == 0;
        });
    }
}
