package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.EditReceipt;
import io.dastyar.conversation.channel.EditReceipt.Outcome;
import io.dastyar.conversation.channel.Inbound;

/**
 * Customers' edits of messages they sent. The line takes the new text and keeps the first one for the audit; the
 * bot does not read it again (it already answered what was asked, and answering twice would confuse more than it
 * helps), and the conversation does not move. Agents holding the chat hear of it through {@link MessageEdited}.
 */
@Component
class MessageEdits {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final ConversationTransactions transactions;
    private final ConversationProperties properties;
    private final Clock clock;

    MessageEdits(JdbcClient jdbc, ApplicationEventPublisher events, ConversationTransactions transactions,
                 ConversationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
        this.properties = properties;
        this.clock = clock;
    }

    private record Line(long id, ConversationId conversation, String body, boolean hasAttachment) {
    }

    EditReceipt edit(ChannelAddress customer, String clientMessageId, String newText) {
        Inbound.Text text = new Inbound.Text(newText);
        return transactions.run(() -> {
            Optional<Line> found = jdbc.sql("""
                            SELECT id, conversation_id, body, attachment_kind FROM message
                            WHERE inbound_key = ? AND direction = 'IN' FOR UPDATE""")
                    .param(Transcript.inboundKey(customer, clientMessageId))
                    .query((rs, row) -> new Line(rs.getLong("id"), new ConversationId(rs.getObject("conversation_id",
                            UUID.class)), rs.getString("body"), rs.getString("attachment_kind") != null))
                    .optional();
            if (found.isEmpty()) {
                return new EditReceipt(Outcome.UNKNOWN_MESSAGE, Optional.empty(), Optional.empty());
            }
            Line line = found.get();
            // A photo's caption may be taken away; a text may not become nothing.
            String body = line.hasAttachment() && text.isEmpty() ? "" : text.text();
            Outcome outcome = body.equals(line.body()) ? Outcome.UNCHANGED
                    : (text.isEmpty() && !line.hasAttachment()) || body.length() > properties.maxMessageLength()
                    ? Outcome.REFUSED : Outcome.EDITED;
            if (outcome == Outcome.EDITED) {
                Instant now = clock.instant();
                jdbc.sql("UPDATE message SET original_body = COALESCE(original_body, body), body = ?, edited_at = ? WHERE id = ?")
                        .params(body, Timestamp.from(now), line.id()).update();
                events.publishEvent(new MessageEdited(line.conversation(), line.id(), now));
            }
            return new EditReceipt(outcome, Optional.of(line.conversation()), Optional.of(line.id()));
        });
    }
}
