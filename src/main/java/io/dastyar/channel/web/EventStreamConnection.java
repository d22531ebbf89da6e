package io.dastyar.channel.web;

import java.io.IOException;
import java.time.Duration;

import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A visitor's Server-Sent Events stream. It ends after a while on purpose: the browser's EventSource
 * reconnects by itself, and the widget reads the history then, so nothing is missed.
 */
final class EventStreamConnection implements WidgetSessions.Connection {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final SseEmitter emitter = new SseEmitter(LIFETIME.toMillis());

    @Override
    public void send(String json) throws IOException {
        emitter.send(SseEmitter.event().data(json, MediaType.APPLICATION_JSON));
    }

    /** Comments keep proxies from closing a quiet stream. */
    @Override
    public void keepAlive() throws IOException {
        emitter.send(SseEmitter.event().comment("keep-alive"));
    }

    @Override
    public void close() {
        emitter.complete();
    }

    void onEnd(Runnable callback) {
        emitter.onCompletion(callback);
        emitter.onTimeout(callback);
        emitter.onError(error -> callback.run());
    }

    SseEmitter emitter() {
        return emitter;
    }
}
