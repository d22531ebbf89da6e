package io.dastyar.channel.web;

import java.util.Locale;
import java.util.UUID;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.Channel;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Delivery;

/**
 * The widget as a channel. A reply is pushed to every open connection of the visitor; when none is open it
 * still counts as delivered, because the widget reads the history (which holds every reply) on connecting.
 */
@Component
class WebChannel implements Channel {

    static final String NAME = "web";

    private final WidgetSessions sessions;

    WebChannel(WidgetSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) {
        sessions.push(visitor(delivery.recipient()), MessageView.of(delivery));
    }

    @Override
    public void typing(String recipient, ConversationId conversation, Author who) {
        sessions.push(visitor(recipient), new ServerFrame.Typing(who.name().toLowerCase(Locale.ROOT)));
    }

    private static VisitorId visitor(String recipient) {
        return new VisitorId(UUID.fromString(recipient));
    }
}
