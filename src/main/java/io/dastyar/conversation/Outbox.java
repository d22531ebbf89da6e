package io.dastyar.conversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Reply;

/**
 * Where replies are posted. Each reply becomes a transcript line and an outbox row in the caller's
 * transaction; once that transaction commits, {@link OutboxDispatcher} hands them to their channel.
 */
@Component
class Outbox {

    /** Published inside the transaction that posted replies; the dispatcher acts on it after the commit. */
    record Posted(ConversationId conversation) {
    }

    private final Transcript transcript;
    private final OutboxStore store;
    private final ApplicationEventPublisher events;

    Outbox(Transcript transcript, OutboxStore store, ApplicationEventPublisher events) {
        this.transcript = transcript;
        this.store = store;
        this.events = events;
    }

    List<Long> post(Conversation conversation, List<Reply> replies, Instant now) {
        return post(conversation.id(), conversation.customer(), conversation.state(), replies, now);
    }

    /**
     * @param state the conversation's state once these replies are written
     * @return the replies' lines in the transcript
     */
    List<Long> post(ConversationId id, ChannelAddress customer, ConversationState state, List<Reply> replies,
                    Instant now) {
        var lines = new ArrayList<Long>(replies.size());
        for (Reply reply : replies) {
            long line = transcript.appendOutbound(id, authorOf(reply), reply.text(), now);
            store.add(id, line, customer, reply, state, now);
            lines.add(line);
        }
        if (!replies.isEmpty()) {
            events.publishEvent(new Posted(id));
        }
        return lines;
    }

    private static Author authorOf(Reply reply) {
        if (reply.agentName() != null) {
            return Author.AGENT;
        }
        return reply.kind() == Reply.Kind.MESSAGE ? Author.BOT : Author.SYSTEM;
    }
}
