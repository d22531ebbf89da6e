package io.dastyar.channel.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.longpolling.BotSession;
import org.telegram.telegrambots.longpolling.TelegramBotsLongPollingApplication;
import org.telegram.telegrambots.longpolling.interfaces.LongPollingUpdateConsumer;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.api.methods.updates.GetUpdates;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import com.fasterxml.jackson.databind.ObjectMapper;

import okhttp3.OkHttpClient;

/**
 * Long polling through the library's session, with our own consumer. The session moves its offset past a batch
 * before handing it over and keeps it in memory only, so the consumer stores the batch before it returns, and
 * each poll asks from the highest update stored: a batch that could not be stored is asked for again, and after a
 * restart Telegram is told at once what is already here. Nothing escapes {@code consume}, which would stop the
 * session's loop. The session runs on an executor of ours, shut down (with the long poll cut) on stop.
 */
@Component
@TelegramOn
class LongPolling {

    private static final Logger log = LoggerFactory.getLogger(LongPolling.class);

    private final TelegramProperties properties;
    private final UpdateStore updates;
    private final ObjectMapper json;
    private final OkHttpClient http;
    private final TelegramUrl url;
    private final Wakeups wakeups;
    private final Clock clock;
    private final AtomicLong stored = new AtomicLong();
    private @Nullable ScheduledExecutorService executor;
    private @Nullable TelegramBotsLongPollingApplication application;
    private @Nullable BotSession session;

    LongPolling(TelegramProperties properties, UpdateStore updates, ObjectMapper telegramJson, OkHttpClient telegramHttp,
                TelegramUrl telegramUrl, Wakeups wakeups, Clock clock) {
        this.properties = properties;
        this.updates = updates;
        this.json = telegramJson;
        this.http = telegramHttp;
        this.url = telegramUrl;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    synchronized void start() throws TelegramApiException {
        if (session != null) {
            return;
        }
        stored.set(updates.highestStored());
        executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("telegram-poll").daemon().factory());
        ScheduledExecutorService ours = executor;
        application = new TelegramBotsLongPollingApplication(() -> json, () -> http, () -> ours);
        session = application.registerBot(properties.token(), () -> url, this::nextPoll, new Consumer());
        log.info("Telegram long polling started at {}://{}:{}", url.getSchema(), url.getHost(), url.getPort());
    }

    synchronized void stop() {
        if (session == null) {
            return;
        }
        session.stop();
        // The long poll may wait up to 50 s for an answer: cut it rather than wait.
        http.dispatcher().runningCalls().stream().filter(call -> call.request().url().encodedPath().endsWith("/getupdates"))
                .forEach(okhttp3.Call::cancel);
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        session = null;
        application = null;
        executor = null;
        log.info("Telegram long polling stopped");
    }

    /** Asks from the highest stored update on, whatever the session remembers. */
    private GetUpdates nextPoll(Integer sessionOffset) {
        int confirmed = (int) stored.get();
        BotSession current = session;
        if (current != null) {
            current.getLastReceivedUpdate().set(confirmed);
        }
        return GetUpdates.builder().offset(confirmed + 1).limit(100)
                .timeout((int) properties.pollTimeout().toSeconds())
                .allowedUpdates(ButtonPresses.allowedUpdates()).build();
    }

    private final class Consumer implements LongPollingUpdateConsumer {
        @Override
        public void consume(List<Update> batch) {
            try {
                var received = new ArrayList<UpdateStore.Received>();
                for (Update update : batch) {
                    received.add(TelegramUpdates.received(update, json));
                }
                updates.store(received, clock.instant());
                received.forEach(update -> stored.accumulateAndGet(update.updateId(), Math::max));
                wakeups.updates().signal();
            } catch (Throwable e) {
                // Not stored: the next poll asks from the highest stored update, so Telegram sends these again.
                log.warn("Could not store {} Telegram updates; they will be fetched again", batch.size(), e);
            }
        }
    }
}
