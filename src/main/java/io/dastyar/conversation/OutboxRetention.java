package io.dastyar.conversation;

import java.sql.Timestamp;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the outbox from growing without end: the delivered replies of conversations closed longer ago than
 * {@code support.conversation.outbox-retention} are deleted. The transcript keeps every line; only how a
 * line was sent (its kind and buttons) is forgotten, which nobody needs for a long-closed conversation.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);

    private final JdbcClient jdbc;
    private final ConversationProperties properties;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, ConversationProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 3_600_000, initialDelay = 600_000)
    int purge() {
        int deleted = jdbc.sql("""
                        DELETE FROM outbox WHERE status = 'SENT'
                          AND conversation_id IN (SELECT id FROM conversation WHERE closed_at < ?)""")
                .param(Timestamp.from(clock.instant().minus(properties.outboxRetention())))
                .update();
        if (deleted > 0) {
            log.info("Deleted {} delivered replies of conversations closed over {} ago", deleted,
                    properties.outboxRetention());
        }
        return deleted;
    }
}
