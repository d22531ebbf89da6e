package io.dastyar.channel.web;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import org.springframework.web.util.UriComponentsBuilder;

import io.dastyar.system.Language;

/**
 * The widget's WebSocket: JSON frames both ways. The handshake was authenticated by the visitor's token
 * (see {@link WidgetConfig}); each frame is answered on the same socket, and replies to the
 * conversation arrive through {@link WebChannel}.
 */
@Component
class WidgetSocketHandler extends TextWebSocketHandler {

    private static final String CONNECTION = "connection";
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int BUFFER_LIMIT_BYTES = 512 * 1024;
    private static final String PARTIAL = "partial";
    /** Room for a 4,000-character message even when every character is escaped in JSON. */
    static final int MAX_FRAME_CHARS = 32 * 1024;
    /** The widget pings every 25 s; a socket quiet for much longer has gone. */
    private static final long IDLE_TIMEOUT_MS = 120_000;
    /** A visitor who stops reading must not hold up replies to everyone else for Tomcat's default 20 s. */
    private static final long BLOCKING_SEND_TIMEOUT_MS = 2_000;

    private final WidgetGateway gateway;
    private final WidgetSessions sessions;

    WidgetSocketHandler(WidgetGateway gateway, WidgetSessions sessions) {
        this.gateway = gateway;
        this.sessions = sessions;
    }

    /** Sends from several threads (replies, answers to frames) are serialised by Spring's decorator. */
    private record SocketConnection(WebSocketSession session) implements WidgetSessions.Connection {
        @Override
        public void send(String json) throws IOException {
            session.sendMessage(new TextMessage(json));
        }

        @Override
        public void close() throws IOException {
            session.close(CloseStatus.GOING_AWAY);
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session socket) {
            socket.setMaxIdleTimeout(IDLE_TIMEOUT_MS);
            socket.getUserProperties().put("org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT", BLOCKING_SEND_TIMEOUT_MS);
        }
        var connection = new SocketConnection(
                new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, BUFFER_LIMIT_BYTES));
        session.getAttributes().put(CONNECTION, connection);
        sessions.add(visitor(session), connection);
    }

    /** Large frames arrive in parts (see {@link WidgetConfig#webSocketBuffers()}); they are joined here. */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) throws IOException {
        String frame = message.getPayload();
        if (frame.length() > MAX_FRAME_CHARS) {
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return;
        }
        if (!message.isLast() || session.getAttributes().containsKey(PARTIAL)) {
            var parts = (StringBuilder) session.getAttributes().computeIfAbsent(PARTIAL, key -> new StringBuilder());
            if (parts.length() + frame.length() > MAX_FRAME_CHARS) {
                session.close(CloseStatus.TOO_BIG_TO_PROCESS);
                return;
            }
            parts.append(frame);
            if (!message.isLast()) {
                return;
            }
            session.getAttributes().remove(PARTIAL);
            frame = parts.toString();
        }
        var connection = (SocketConnection) session.getAttributes().get(CONNECTION);
        Optional<ServerFrame> answer = gateway.handle(visitor(session), frame, language(session));
        if (answer.isPresent()) {
            connection.send(sessions.write(answer.get()));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(CONNECTION) instanceof SocketConnection connection) {
            sessions.remove(visitor(session), connection);
        }
    }

    private static VisitorId visitor(WebSocketSession session) {
        Principal principal = session.getPrincipal();
        if (principal instanceof JwtAuthenticationToken token) {
            return VisitorTokens.visitorOf(token.getToken());
        }
        throw new IllegalStateException("A widget socket without a visitor token got past the handshake");
    }

    private static Optional<Language> language(WebSocketSession session) {
        return session.getUri() == null ? Optional.empty() : Language.fromTag(
                UriComponentsBuilder.fromUri(session.getUri()).build().getQueryParams().getFirst("lang"));
    }
}
