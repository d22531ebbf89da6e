package io.dastyar.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Reply;

/**
 * The queue-status notice: a customer's place and what to expect (a wait, the next opening, or that nobody is
 * online), told on joining and whenever their place changes. What to expect comes from the {@link QueueOutlook}
 * (hand-off); without one, the notice gives the place alone.
 */
@Component
class QueueNotices {

    private final Queue queue;
    private final BotReplies replies;
    private final Outbox outbox;
    private final ObjectProvider<QueueOutlook> outlook;

    QueueNotices(Queue queue, BotReplies replies, Outbox outbox, ObjectProvider<QueueOutlook> outlook) {
        this.queue = queue;
        this.replies = replies;
        this.outbox = outbox;
        this.outlook = outlook;
    }

    /** For a conversation in the queue (perhaps since this very step, its row not saved yet). */
    Reply statusOf(Conversation conversation, Instant now) {
        Instant queuedAt = conversation.queuedAt().orElse(now);
        QueueOutlook source = outlook.getIfAvailable();
        QueueOutlook.Outlook told = source != null
                ? source.outlook(conversation.id(), conversation.language(), queuedAt, now)
                : new QueueOutlook.Waiting(queue.placeOf(conversation.id(), queuedAt), Optional.empty());
        return replies.queueStatus(conversation.language(), told);
    }

    /**
     * Everyone who was behind a conversation that left the queue hears their new place. Written in the leaving
     * conversation's transaction: one query for those behind, what their outlooks share worked out once, then a
     * transcript line and an outbox row per waiting customer.
     */
    void moveUp(ConversationId leaving, Instant queuedAt, Instant now) {
        List<Queue.Waiting> behind = queue.behind(leaving, queuedAt);
        if (behind.isEmpty()) {
            return;
        }
        QueueOutlook source = outlook.getIfAvailable();
        QueueOutlook.Board board = source != null ? source.board(now, Set.of(leaving)) : null;
        for (Queue.Waiting waiting : behind) {
            QueueOutlook.Outlook told = board != null
                    ? board.outlook(waiting.id(), waiting.language(), waiting.queuedAt())
                    : new QueueOutlook.Waiting(waiting.place(), Optional.empty());
            Reply status = replies.queueStatus(waiting.language(), told);
            outbox.post(waiting.id(), waiting.customer(), ConversationState.QUEUED, List.of(status), now);
        }
    }
}
