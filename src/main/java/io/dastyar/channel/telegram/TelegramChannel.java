package io.dastyar.channel.telegram;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/**
 * Telegram as a channel. A delivery is queued (in {@link OutboundStore}), not sent here: the sender keeps Telegram's
 * rate limits without holding up the outbox, and a delivery handed over twice is queued once.
 */
@Component
@TelegramOn
class TelegramChannel implements Channel {

    static final String NAME = "telegram";
    private static final Logger log = LoggerFactory.getLogger(TelegramChannel.class);

    private final ReplyRenderer renderer;
    private final OutboundStore outbound;
    private final TransactionTemplate transactions;
    private final Wakeups wakeups;
    private final BotApi api;
    private final Clock clock;
    private final TelegramFiles files;

    TelegramChannel(ReplyRenderer renderer, OutboundStore outbound, TransactionTemplate transactions, Wakeups wakeups,
                    BotApi api, Clock clock, TelegramFiles files) {
        this.renderer = renderer;
        this.outbound = outbound;
        this.transactions = transactions;
        this.wakeups = wakeups;
        this.api = api;
        this.clock = clock;
        this.files = files;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) {
        transactions.executeWithoutResult(status -> {
            if (!outbound.holds(delivery.id())) {
                renderer.render(delivery).forEach(outgoing -> outbound.enqueue(outgoing, clock.instant()));
            }
        });
        wakeups.outbound().signal();
    }

    /** The queue notice is edited in place, through the queue (Telegram's limits apply to edits too). */
    @Override
    public void showQueueStatus(String recipient, ConversationId conversation, Reply status) {
        String html = ReplyRenderer.html(status, Author.SYSTEM);
        transactions.executeWithoutResult(tx -> outbound.enqueueQueueStatus(Long.parseLong(recipient),
                conversation.value(), html, clock.instant()));
        wakeups.outbound().signal();
    }

    /** Typing is shown for a few seconds, or until the next message: best effort, outside the queue. */
    @Override
    public void typing(String recipient, ConversationId conversation, Author who) {
        api.typing(Long.parseLong(recipient)).exceptionally(e -> {
            log.debug("Could not show typing in chat {}: {}", recipient, e.toString());
            return false;
        });
    }

    /** A customer's file, by its {@code file_id}, for the agent console. */
    @Override
    public Optional<ChannelFile> file(String reference) throws IOException {
        return files.fetch(reference);
    }
}
