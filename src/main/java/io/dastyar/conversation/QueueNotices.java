package io.dastyar.conversation;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Reply;

/** The queue-status notice: a customer's place and expected wait, told on joining and whenever it changes. */
@Component
class QueueNotices {

    private final Queue queue;
    private final BotReplies replies;
    private final Outbox outbox;

    QueueNotices(Queue queue, BotReplies replies, Outbox outbox) {
        this.queue = queue;
        this.replies = replies;
        this.outbox = outbox;
    }

    /** For a conversation in the queue (perhaps since this very step, its row not saved yet). */
    Reply statusOf(Conversation conversation, Instant now) {
        return replies.queueStatus(conversation.language(),
                queue.placeOf(conversation.id(), conversation.queuedAt().orElse(now)));
    }

    /**
     * Everyone who was behind a conversation that left the queue hears their new place. Written in the leaving
     * conversation's transaction: one query, then a transcript line and an outbox row per waiting customer.
     */
    void moveUp(ConversationId leaving, Instant queuedAt, Instant now) {
        for (Queue.Waiting waiting : queue.behind(leaving, queuedAt)) {
            Reply status = replies.queueStatus(waiting.language(), waiting.place());
            outbox.post(waiting.id(), waiting.customer(), ConversationState.QUEUED, List.of(status), now);
        }
    }
}
