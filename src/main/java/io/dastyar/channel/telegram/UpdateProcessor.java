package io.dastyar.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.dastyar.channel.telegram.UpdateHandler.CallbackAnswer;

/**
 * Takes stored updates, oldest first and in order per chat. Each one is marked processed in the same transaction
 * as its effect, so a repeat changes nothing and a crash before the commit leaves it to be taken again.
 */
@Component
@TelegramOn
class UpdateProcessor {

    private static final Logger log = LoggerFactory.getLogger(UpdateProcessor.class);
    private static final int BATCH = 100;
    private static final int ATTEMPTS = 5;

    private final UpdateStore updates;
    private final UpdateHandler handler;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final BotApi api;
    private final Wakeups wakeups;
    private final Clock clock;
    private final Counter processed;
    private final Counter failed;

    UpdateProcessor(UpdateStore updates, UpdateHandler handler, TransactionTemplate transactions, ObjectMapper telegramJson,
                    BotApi api, Wakeups wakeups, Clock clock, MeterRegistry meters) {
        this.updates = updates;
        this.handler = handler;
        this.transactions = transactions;
        this.json = telegramJson;
        this.api = api;
        this.wakeups = wakeups;
        this.clock = clock;
        this.processed = meters.counter("dastyar.telegram.updates", "result", "processed");
        this.failed = meters.counter("dastyar.telegram.updates", "result", "failed");
    }

    /** @return how many updates were due */
    int processDue() {
        List<UpdateStore.Pending> due = updates.due(clock.instant(), BATCH);
        due.forEach(this::process);
        if (!due.isEmpty()) {
            wakeups.outbound().signal();
        }
        return due.size();
    }

    private void process(UpdateStore.Pending pending) {
        Update update;
        try {
            update = json.readValue(pending.payload(), Update.class);
        } catch (Exception e) {
            updates.giveUp(pending.updateId(), clock.instant(), "unreadable: " + e.getMessage());
            return;
        }
        try {
            Optional<CallbackAnswer> answer = transactions.execute(status -> {
                Instant now = clock.instant();
                return updates.markProcessed(pending.updateId(), now)
                        ? handler.handle(pending.updateId(), update, now) : Optional.<CallbackAnswer>empty();
            });
            processed.increment();
            if (answer != null) {
                answer.ifPresent(this::answer);
            }
        } catch (RuntimeException e) {
            failed.increment();
            int attempts = pending.attempts() + 1;
            if (attempts >= ATTEMPTS) {
                log.error("Telegram update {} failed {} times; given up, kept in telegram_update", pending.updateId(),
                        attempts, e);
                updates.giveUp(pending.updateId(), clock.instant(), e.toString());
            } else {
                log.warn("Telegram update {} failed (attempt {}), trying again: {}", pending.updateId(), attempts, e.toString());
                updates.retryLater(pending.updateId(), clock.instant().plus(Duration.ofSeconds(1L << attempts)), e.toString());
            }
        }
    }

    /** Best effort: an unanswered callback only spins a little longer on the customer's screen. */
    private void answer(CallbackAnswer answer) {
        api.answerCallback(answer.callbackId(), answer.text()).exceptionally(e -> {
            log.debug("Could not answer callback query: {}", e.toString());
            return false;
        });
    }
}
