package io.dastyar.channel.web;

import java.io.IOException;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The live connections of each visitor on this instance: WebSockets and event streams alike. A visitor with
 * two tabs open has two. Pushing is best effort: what a closed connection misses, the widget reads from the
 * history when it reconnects.
 */
@Component
class WidgetSessions {

    /** One open connection to a visitor's browser. */
    interface Connection {
        void send(String json) throws IOException;

        /** Something small that keeps an idle connection open through proxies. */
        default void keepAlive() throws IOException {
        }

        /** Ends it; the widget reconnects, to this instance or another. */
        void close() throws IOException;
    }

    private static final Logger log = LoggerFactory.getLogger(WidgetSessions.class);

    /** A few tabs are normal; more from one visitor is a leak or abuse, and each costs memory. */
    static final int MAX_CONNECTIONS_PER_VISITOR = 5;

    // Lists in connection order, copied on write: writes are rare, pushes iterate without locking.
    private final Map<VisitorId, List<Connection>> open = new ConcurrentHashMap<>();
    private final JsonMapper json;

    WidgetSessions(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        meters.gaugeMapSize("dastyar.widget.visitors.connected", List.of(), open);
    }

    /** Adds a connection; beyond {@link #MAX_CONNECTIONS_PER_VISITOR}, the visitor's oldest one is closed. */
    void add(VisitorId visitor, Connection connection) {
        var evicted = new ArrayList<Connection>();
        // Inside compute, so a concurrent remove of the visitor's last connection cannot orphan this one.
        open.compute(visitor, (v, connections) -> {
            List<Connection> all = connections == null ? new CopyOnWriteArrayList<>() : connections;
            all.add(connection);
            while (all.size() > MAX_CONNECTIONS_PER_VISITOR) {
                evicted.add(all.removeFirst());
            }
            return all;
        });
        // Closed outside compute: closing calls remove(), which must not run inside it.
        for (Connection oldest : evicted) {
            try {
                oldest.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing an extra connection of visitor {}: {}", visitor, e.toString());
            }
        }
    }

    void remove(VisitorId visitor, Connection connection) {
        open.computeIfPresent(visitor, (v, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
    }

    /** @return whether the visitor has a connection to this instance (whether or not the push went through) */
    boolean push(VisitorId visitor, ServerFrame frame) {
        List<Connection> connections = open.get(visitor);
        if (connections == null) {
            return false;
        }
        String text = json.writeValueAsString(frame);
        for (Connection connection : connections) {
            try {
                connection.send(text);
            } catch (IOException | RuntimeException e) {
                log.debug("Dropping a connection of visitor {}: {}", visitor, e.toString());
                remove(visitor, connection);
            }
        }
        return true;
    }

    String write(ServerFrame frame) {
        return json.writeValueAsString(frame);
    }

    /**
     * On shutdown, before the web server's graceful stop: an open event stream would otherwise hold that stop
     * up until it times out.
     */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        open.forEach((visitor, connections) -> connections.forEach(connection -> {
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                log.debug("Closing a connection of visitor {}: {}", visitor, e.toString());
            }
        }));
        open.clear();
    }

    @Scheduled(fixedDelay = 25_000, initialDelay = 25_000)
    void keepAlive() {
        open.forEach((visitor, connections) -> connections.forEach(connection -> {
            try {
                connection.keepAlive();
            } catch (IOException | RuntimeException e) {
                remove(visitor, connection);
            }
        }));
    }
}
