package io.dastyar.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.support.PostgresTest;
import io.dastyar.support.RecordingChannel;

/** Delivered replies of long-closed conversations leave the outbox; their transcript stays whole. */
@PostgresTest
class OutboxRetentionTest {

    @Autowired
    Conversations conversations;
    @Autowired
    OutboxRetention retention;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onlyTheDeliveredRepliesOfConversationsClosedLongAgoAreDeleted() {
        ConversationId longClosed = closedConversation();
        ConversationId recentlyClosed = closedConversation();
        ConversationId open = send(new ChannelAddress(RecordingChannel.NAME, "open-" + UUID.randomUUID()), "m1",
                new Text("Hello"));
        awaitDelivered(longClosed);
        awaitDelivered(recentlyClosed);
        awaitDelivered(open);
        int transcriptBefore = conversations.transcript(longClosed).size();
        jdbc.sql("UPDATE conversation SET closed_at = closed_at - INTERVAL '31 days' WHERE id = ?")
                .param(longClosed.value()).update();

        int rows = outboxRows(longClosed);
        assertThat(rows).isPositive();
        assertThat(retention.purge()).isGreaterThanOrEqualTo(rows);

        assertThat(outboxRows(longClosed)).isZero();
        assertThat(outboxRows(recentlyClosed)).isPositive();
        assertThat(outboxRows(open)).isPositive();
        assertThat(conversations.transcript(longClosed)).hasSize(transcriptBefore);
    }

    private ConversationId closedConversation() {
        var customer = new ChannelAddress(RecordingChannel.NAME, "retention-" + UUID.randomUUID());
        ConversationId id = send(customer, "m1", new Text("Hello"));
        send(customer, "m2", new Text("/end"));
        send(customer, "m3", new Button(QuickReply.RATE_PREFIX + "4"));
        send(customer, "m4", new Button(QuickReply.SKIP_COMMENT));
        assertThat(conversations.find(id).orElseThrow().state()).isEqualTo(ConversationState.CLOSED);
        return id;
    }

    private ConversationId send(ChannelAddress customer, String messageId, Inbound.Content content) {
        return conversations.receive(new Inbound(customer, messageId, content, Optional.empty())).conversation()
                .orElseThrow();
    }

    private void awaitDelivered(ConversationId id) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT count(*) FROM outbox WHERE conversation_id = ? AND status <> 'SENT'")
                .param(id.value()).query(Integer.class).single() == 0);
    }

    private int outboxRows(ConversationId id) {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE conversation_id = ?").param(id.value())
                .query(Integer.class).single();
    }
}
