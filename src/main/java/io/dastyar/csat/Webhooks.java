package io.dastyar.csat;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outgoing webhook's outbox: an event is written in the transaction that caused it (so none is sent for a
 * rating that was rolled back, and none is lost in a crash), and {@link WebhookSender} delivers it after.
 */
@Component
class Webhooks {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CsatProperties properties;
    private final Clock clock;

    Webhooks(JdbcClient jdbc, JsonMapper json, CsatProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Queues one event, when a webhook is configured. */
    void post(String event, Map<String, Object> fields) {
        if (properties.webhook().target().isEmpty()) {
            return;
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("event", event);
        body.putAll(fields);
        var now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        INSERT INTO csat_webhook_delivery (event, payload, created_at, next_attempt_at, status)
                        VALUES (?, ?, ?, ?, 'PENDING')""")
                .params(event, json.writeValueAsString(body), now, now).update();
    }
}
