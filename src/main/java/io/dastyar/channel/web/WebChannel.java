package io.dastyar.channel.web;

import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/**
 * The widget as a channel. A reply is pushed to every open connection of the visitor. When none is open on
 * this instance, the visitor may be connected to another one: the reply is left for a few retries, which any
 * instance may pick up, and after that counts as delivered, because the widget reads the history (which holds
 * every reply) when it connects.
 */
@Component
class WebChannel implements Channel {

    static final String NAME = "web";
    /** About 15 s of back-off (1 + 2 + 4 + 8 s) before a visitor with no connection anywhere is left to the history. */
    static final int ATTEMPTS_BEFORE_HISTORY = 5;

    private final WidgetSessions sessions;
    private final Clock clock;

    WebChannel(WidgetSessions sessions, Clock clock) {
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) throws NotHere {
        boolean connectedHere = sessions.push(visitor(delivery.recipient()), MessageView.of(delivery));
        if (!connectedHere && delivery.attempt() < ATTEMPTS_BEFORE_HISTORY) {
            throw new NotHere("visitor not connected to this instance");
        }
    }

    @Override
    public void typing(String recipient, ConversationId conversation, Author who) {
        sessions.push(visitor(recipient), new ServerFrame.Typing(who.name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void showQueueStatus(String recipient, ConversationId conversation, Reply status) {
        sessions.push(visitor(recipient), MessageView.queueStatus(conversation, status, clock.instant()));
    }

    private static VisitorId visitor(String recipient) {
        return new VisitorId(UUID.fromString(recipient));
    }
}
