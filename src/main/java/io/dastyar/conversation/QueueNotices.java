package io.dastyar.conversation;

import java.time.Instant;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/**
 * The queue-status notice: a customer's place and what to expect (a wait, the next opening, or that nobody is
 * online), as the {@link QueueOutlook} (hand-off) sees it, in the customer's language.
 */
@Component
class QueueNotices {

    private final QueueOutlook outlook;
    private final BotReplies replies;

    QueueNotices(QueueOutlook outlook, BotReplies replies) {
        this.outlook = outlook;
        this.replies = replies;
    }

    /**
     * The acknowledgement of a conversation joining the queue (its row perhaps not saved yet), and the status of
     * one already in it.
     */
    Reply statusOf(Conversation conversation, Instant now) {
        Instant queuedAt = conversation.queuedAt().orElse(now);
        return status(conversation.language(),
                outlook.outlook(conversation.id(), conversation.language(), queuedAt, now));
    }

    Reply status(Language language, QueueOutlook.Outlook told) {
        return replies.queueStatus(language, told);
    }

    /** The outlooks at one moment, for any number of waiting customers. */
    QueueOutlook.Board board(Instant now) {
        return outlook.board(now);
    }
}
