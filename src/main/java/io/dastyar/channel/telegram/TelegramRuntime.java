package io.dastyar.channel.telegram;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import okhttp3.OkHttpClient;

/**
 * Runs the channel on threads it owns and stops them: the lease (renewed every third of its length), the update
 * processor and the sender. The instance that holds the lease polls (in long-polling mode), registers the command
 * menu and the webhook, processes and sends; the others only store what their webhook endpoint receives.
 */
@Component
@TelegramOn
class TelegramRuntime implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TelegramRuntime.class);
    private static final Duration IDLE = Duration.ofMillis(500);

    private final TelegramProperties properties;
    private final Leadership leadership;
    private final LongPolling polling;
    private final UpdateProcessor processor;
    private final OutboundSender sender;
    private final CommandMenu commands;
    private final WebhookRegistration webhook;
    private final TelegramRateLimits limits;
    private final OutboundStore outbound;
    private final Wakeups wakeups;
    private final OkHttpClient http;
    private @Nullable ScheduledExecutorService lease;
    private @Nullable ExecutorService workers;
    private volatile boolean running;
    private volatile boolean menuSet;
    private volatile boolean webhookSet;

    TelegramRuntime(TelegramProperties properties, Leadership leadership, LongPolling polling, UpdateProcessor processor,
                    OutboundSender sender, CommandMenu commands, WebhookRegistration webhook, TelegramRateLimits limits,
                    OutboundStore outbound, Wakeups wakeups, OkHttpClient telegramHttp) {
        this.properties = properties;
        this.leadership = leadership;
        this.polling = polling;
        this.processor = processor;
        this.sender = sender;
        this.commands = commands;
        this.webhook = webhook;
        this.limits = limits;
        this.outbound = outbound;
        this.wakeups = wakeups;
        this.http = telegramHttp;
    }

    @Override
    public synchronized void start() {
        running = true;
        lease = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-lease").daemon().factory());
        workers = Executors.newFixedThreadPool(2, Thread.ofPlatform().name("telegram-", 0).daemon().factory());
        long every = Math.max(1, properties.lease().toMillis() / 3);
        lease.scheduleWithFixedDelay(this::keepLease, 0, every, TimeUnit.MILLISECONDS);
        workers.execute(() -> loop("processor", processor::processDue, wakeups.updates()));
        workers.execute(() -> loop("sender", sender::sendDue, wakeups.outbound()));
        log.info("Telegram channel on ({} mode)", properties.mode().name().toLowerCase().replace('_', '-'));
    }

    private void keepLease() {
        try {
            boolean had = leadership.held();
            boolean has = leadership.renew();
            if (has && !had) {
                log.info("This instance now polls, processes and sends for the Telegram bot");
                outbound.reclaimAbandoned();
                wakeups.updates().signal();
                wakeups.outbound().signal();
            }
            if (has) {
                lead();
            } else if (had) {
                log.warn("Lost the Telegram lease to another instance");
                polling.stop();
            }
            limits.forgetIdle();
        } catch (Exception e) {
            log.warn("Telegram lease not renewed: {}", e.toString());
        }
    }

    private void lead() throws Exception {
        if (properties.mode() == TelegramProperties.Mode.LONG_POLLING) {
            polling.start();
        } else if (!webhookSet) {
            webhookSet = webhook.register();
        }
        if (!menuSet) {
            menuSet = commands.register();
        }
    }

    private interface Work {
        int run() throws Exception;
    }

    /** Works while there is work and this instance holds the lease; otherwise waits for a signal or a while. */
    private void loop(String name, Work work, Wakeups.Signal signal) {
        while (running) {
            try {
                int done = leadership.held() ? work.run() : 0;
                if (done == 0) {
                    signal.await(IDLE);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                log.warn("Telegram {} failed; going on after a pause", name, e);
                try {
                    Thread.sleep(IDLE);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        polling.stop();
        shutDown(lease);
        try {
            sender.drain(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        shutDown(workers);
        try {
            leadership.release();
        } catch (RuntimeException e) {
            log.warn("Could not give up the Telegram lease; it runs out by itself: {}", e.toString());
        }
        http.dispatcher().cancelAll();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    private static void shutDown(@Nullable ExecutorService executor) {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                log.warn("Telegram threads still running at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database go. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 2048;
    }
}
