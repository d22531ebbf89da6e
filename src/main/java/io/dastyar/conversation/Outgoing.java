package io.dastyar.conversation;

import java.time.Instant;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Replies on their way out: each becomes a transcript line and an outbox row in the caller's transaction, and
 * the dispatcher is told to deliver them once that transaction commits.
 */
@Component
class Outgoing {

    private final Transcript transcript;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;

    Outgoing(Transcript transcript, Outbox outbox, ApplicationEventPublisher events) {
        this.transcript = transcript;
        this.outbox = outbox;
        this.events = events;
    }

    void send(Conversation conversation, List<Reply> replies, Instant now) {
        send(conversation.id(), conversation.customer(), conversation.state(), replies, now);
    }

    /** @param state the conversation's state once these replies are written */
    void send(ConversationId id, ChannelAddress customer, ConversationState state, List<Reply> replies, Instant now) {
        for (Reply reply : replies) {
            Author author = reply.kind() == Reply.Kind.MESSAGE ? Author.BOT : Author.SYSTEM;
            long messageId = transcript.appendOutbound(id, author, reply.text(), now);
            outbox.enqueue(id, messageId, customer, reply, state, now);
        }
        if (!replies.isEmpty()) {
            events.publishEvent(new RepliesQueued(id));
        }
    }
}
