package io.dastyar.channel.web;

import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.CustomerTyping;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.system.Language;

/**
 * Takes the widget's frames, whichever transport brought them: checks them, applies the visitor's rate
 * limit, hands messages to the conversation and says what became of them. A bad frame is answered with an
 * error frame and changes nothing.
 */
@Component
class WidgetGateway {

    private static final Logger log = LoggerFactory.getLogger(WidgetGateway.class);

    private final Conversations conversations;
    private final WidgetSessions sessions;
    private final RateLimits limits;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Timer receiving;

    WidgetGateway(Conversations conversations, WidgetSessions sessions, RateLimits limits, MessageSource messages,
                  ApplicationEventPublisher events, JsonMapper json, MeterRegistry meters) {
        this.receiving = meters.timer("dastyar.widget.receive");
        this.conversations = conversations;
        this.sessions = sessions;
        this.limits = limits;
        this.messages = messages;
        this.events = events;
        this.json = json;
    }

    /** The answer to one frame; empty for frames that need none (typing). */
    Optional<ServerFrame> handle(VisitorId visitor, String frame, Optional<Language> connectionLanguage) {
        ClientFrame parsed;
        try {
            parsed = json.readValue(frame, ClientFrame.class);
        } catch (JacksonException e) {
            return Optional.of(malformed(null, connectionLanguage));
        }
        return switch (parsed) {
            case null -> Optional.of(malformed(null, connectionLanguage));
            case ClientFrame.Ping ping -> Optional.of(new ServerFrame.Pong());
            case ClientFrame.Typing typing -> {
                events.publishEvent(new CustomerTyping(visitor.address()));
                yield Optional.empty();
            }
            case ClientFrame.Send send -> Optional.of(send(visitor, send, connectionLanguage));
        };
    }

    private ServerFrame send(VisitorId visitor, ClientFrame.Send send, Optional<Language> connectionLanguage) {
        Optional<Language> language = Language.fromTag(send.lang()).or(() -> connectionLanguage);
        String id = send.clientMessageId();
        Optional<Inbound.Content> content = switch (send) {
            case ClientFrame.Message message -> Optional.ofNullable(message.text()).map(Inbound.Text::new);
            // Checked before Inbound.Button, which would quietly drop a NUL: a damaged payload is refused here.
            case ClientFrame.Button button -> Optional.ofNullable(button.payload())
                    .filter(p -> !p.isBlank() && !hasControlCharacters(p)).map(Inbound.Button::new);
        };
        if (id == null || id.isBlank() || id.length() > 128 || hasControlCharacters(id) || content.isEmpty()) {
            return malformed(id, language);
        }
        RateLimits.Verdict verdict = limits.message(visitor);
        if (!verdict.allowed()) {
            return rateLimited(verdict, id, language);
        }
        // The bot answers in milliseconds, but an answer found by meaning can take longer: say it is coming.
        if (content.get() instanceof Inbound.Text) {
            sessions.push(visitor, new ServerFrame.Typing("bot"));
        }
        var inbound = new Inbound(visitor.address(), id, content.get(), language);
        Receipt receipt;
        try {
            receipt = receiving.record(() -> conversations.receive(inbound));
        } catch (RuntimeException e) {
            // Answered, so the widget stops resending a message that cannot be taken instead of stalling on it.
            log.error("Could not take a widget message from visitor {}", visitor, e);
            return new ServerFrame.Error("failed", text("widget.failed", language), id, null);
        }
        return new ServerFrame.Ack(id, receipt.outcome().name().toLowerCase(Locale.ROOT),
                receipt.conversation().map(ConversationId::toString).orElse(null), receipt.line().orElse(null));
    }

    /**
     * Ids and button payloads are the widget's own tokens, never typed by a person, so a control character in
     * one (NUL above all, which PostgreSQL cannot store in text) means a broken or hostile client: the frame is
     * refused here rather than failing in the database. Typed text is cleaned by the conversation instead.
     */
    private static boolean hasControlCharacters(String value) {
        return value.chars().anyMatch(Character::isISOControl);
    }

    /** The friendly notice for a visitor who sends faster than allowed; the widget sends again after the wait. */
    ServerFrame.Error rateLimited(RateLimits.Verdict verdict, String clientMessageId, Optional<Language> language) {
        long seconds = Math.max(1, (verdict.retryAfter().toMillis() + 999) / 1000);
        return new ServerFrame.Error("rate_limited", text("widget.rate-limited", language, seconds), clientMessageId,
                verdict.retryAfter().toMillis());
    }

    private ServerFrame.Error malformed(String clientMessageId, Optional<Language> language) {
        return new ServerFrame.Error("malformed", text("widget.malformed", language), clientMessageId, null);
    }

    private String text(String key, Optional<Language> language, Object... arguments) {
        return messages.getMessage(key, arguments, language.orElse(Language.EN).locale());
    }
}
