package io.dastyar.channel.web;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.system.Language;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The widget's HTTP side: new visitors, the panel's settings, the visitor's history, and the fallback
 * transport (a POST per frame, Server-Sent Events for what comes back). Visitors are known only by their
 * token, so there is no conversation id in any address to guess.
 */
@RestController
@RequestMapping("/api/widget")
class WidgetController {

    record NewVisitor(String token, String visitor) {
    }

    record PanelSettings(String title, String brandColor, String language, String direction, int maxMessageLength,
                         String greeting) {
    }

    /** @param queueStatus while waiting for a person: the place and wait now, shown in place of the status line */
    record History(ConversationView conversation, List<ServerFrame.Message> messages,
                   ServerFrame.QueueStatus queueStatus) {
    }

    record ConversationView(String id, String state, String language) {
    }

    private final Conversations conversations;
    private final VisitorTokens tokens;
    private final WidgetGateway gateway;
    private final WidgetSessions sessions;
    private final RateLimits limits;
    private final WidgetProperties properties;
    private final MessageSource messages;
    private final Clock clock;

    WidgetController(Conversations conversations, VisitorTokens tokens, WidgetGateway gateway, WidgetSessions sessions,
                     RateLimits limits, WidgetProperties properties, MessageSource messages, Clock clock) {
        this.conversations = conversations;
        this.tokens = tokens;
        this.gateway = gateway;
        this.sessions = sessions;
        this.limits = limits;
        this.properties = properties;
        this.messages = messages;
        this.clock = clock;
    }

    @PostMapping("/visitors")
    ResponseEntity<?> newVisitor(HttpServletRequest request, @RequestParam(required = false) String lang) {
        RateLimits.Verdict verdict = limits.newVisitor(request.getRemoteAddr());
        if (!verdict.allowed()) {
            ServerFrame.Error error = gateway.rateLimited(verdict, null, Language.fromTag(lang));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header(HttpHeaders.RETRY_AFTER, Long.toString((error.retryAfterMs() + 999) / 1000))
                    .body(error);
        }
        VisitorId visitor = VisitorId.random();
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewVisitor(tokens.issue(visitor), visitor.toString()));
    }

    @GetMapping("/config")
    PanelSettings settings(@RequestParam(required = false) String lang) {
        Language language = Language.fromTag(lang).orElse(Language.EN);
        return new PanelSettings(
                properties.titleFor(language).orElseGet(() -> messages.getMessage("widget.title", null, language.locale())),
                properties.brandColor(), language.tag(), language.rightToLeft() ? "rtl" : "ltr",
                conversations.maxMessageLength(),
                properties.greetingFor(language)
                        .orElseGet(() -> messages.getMessage("widget.greeting", null, language.locale())));
    }

    /** The visitor's open conversation, or else their last one, with every line. */
    @GetMapping("/conversation")
    History history(@AuthenticationPrincipal Jwt token) {
        Optional<ConversationSummary> latest = conversations.latest(VisitorTokens.visitorOf(token).address());
        if (latest.isEmpty()) {
            return new History(null, List.of(), null);
        }
        ConversationSummary conversation = latest.get();
        return new History(
                new ConversationView(conversation.id().toString(), conversation.state().name(), conversation.language().tag()),
                conversations.transcript(conversation.id()).stream()
                        .map(entry -> MessageView.of(entry, conversation.state())).toList(),
                conversations.queueStatus(conversation.id())
                        .map(status -> MessageView.queueStatus(conversation.id(), status, clock.instant())).orElse(null));
    }

    @PostMapping(path = "/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ServerFrame> send(@AuthenticationPrincipal Jwt token, HttpServletRequest request,
                                     @RequestParam(required = false) String lang) throws java.io.IOException {
        // Read at most one frame's worth: the WebSocket refuses larger frames, and so does this.
        byte[] body = request.getInputStream().readNBytes(WidgetSocketHandler.MAX_FRAME_CHARS * 4 + 1);
        if (body.length > WidgetSocketHandler.MAX_FRAME_CHARS * 4) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).build();
        }
        String frame = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        return gateway.handle(VisitorTokens.visitorOf(token), frame, Language.fromTag(lang))
                .map(answer -> ResponseEntity.status(status(answer)).body(answer))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    /** The fallback for networks that block WebSockets: the same frames, as Server-Sent Events. */
    @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@AuthenticationPrincipal Jwt token) throws java.io.IOException {
        VisitorId visitor = VisitorTokens.visitorOf(token);
        var connection = new EventStreamConnection();
        sessions.add(visitor, connection);
        connection.keepAlive();
        connection.onEnd(() -> sessions.remove(visitor, connection));
        return connection.emitter();
    }

    private static HttpStatus status(ServerFrame answer) {
        if (answer instanceof ServerFrame.Error error) {
            return error.code().equals("rate_limited") ? HttpStatus.TOO_MANY_REQUESTS : HttpStatus.BAD_REQUEST;
        }
        return HttpStatus.OK;
    }
}
