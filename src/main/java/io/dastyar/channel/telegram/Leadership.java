package io.dastyar.channel.telegram;

import static io.dastyar.channel.telegram.UpdateStore.ts;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A lease in the database that makes one instance the bot's: it polls (Telegram answers a second poller with 409),
 * processes the stored updates and sends, so the rate limits hold across instances. Renewed well before it
 * expires; an instance that stops gives it up, and one that dies loses it when it runs out.
 */
@Component
@TelegramOn
class Leadership {

    private final JdbcClient jdbc;
    private final TelegramProperties properties;
    private final Clock clock;
    private final String me = UUID.randomUUID().toString();
    private volatile boolean held;

    Leadership(JdbcClient jdbc, TelegramProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    boolean held() {
        return held;
    }

    /** Takes or renews the lease. @return whether this instance holds it now */
    boolean renew() {
        Instant now = Instant.now(clock);
        Instant until = now.plus(properties.lease());
        String name = name();
        boolean got = jdbc.sql("UPDATE telegram_lease SET holder = ?, expires_at = ? WHERE name = ? AND (holder = ? OR expires_at < ?)")
                .params(me, ts(until), name, me, ts(now)).update() == 1
                || jdbc.sql("INSERT INTO telegram_lease (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(name, me, ts(until)).update() == 1;
        held = got;
        return got;
    }

    void release() {
        held = false;
        jdbc.sql("DELETE FROM telegram_lease WHERE name = ? AND holder = ?").params(name(), me).update();
    }

    private String name() {
        return "bot:" + properties.botId();
    }
}
