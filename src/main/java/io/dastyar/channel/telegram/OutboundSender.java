package io.dastyar.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import io.dastyar.channel.telegram.OutboundStore.Queued;

/**
 * Sends the queue: one request in flight per chat (so a chat's messages arrive in order), several chats at once,
 * within {@link TelegramRateLimits}. What Telegram answers decides what becomes of a row ({@link SendOutcomes}).
 */
@Component
@TelegramOn
class OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    private static final int BATCH = 200;
    private static final int IN_FLIGHT = 16;

    private final OutboundStore outbound;
    private final KeyboardStore keyboards;
    private final TelegramChats chats;
    private final TelegramRateLimits limits;
    private final BotApi api;
    private final SendOutcomes outcomes;
    private final Wakeups wakeups;
    private final Clock clock;
    private final Set<Long> busyChats = ConcurrentHashMap.newKeySet();
    private final Semaphore inFlight = new Semaphore(IN_FLIGHT);

    OutboundSender(OutboundStore outbound, KeyboardStore keyboards, TelegramChats chats, TelegramRateLimits limits, BotApi api,
                   SendOutcomes outcomes, Wakeups wakeups, Clock clock) {
        this.outbound = outbound;
        this.keyboards = keyboards;
        this.chats = chats;
        this.limits = limits;
        this.api = api;
        this.outcomes = outcomes;
        this.wakeups = wakeups;
        this.clock = clock;
    }

    /** Starts what can be sent now. @return how many requests were started */
    int sendDue() throws InterruptedException {
        int started = 0;
        List<Queued> due = outbound.due(clock.instant(), BATCH);
        for (Queued row : due) {
            long chat = row.outgoing().chat();
            if (busyChats.contains(chat)) {
                continue;
            }
            if (chats.unreachableSince(chat).isPresent()) {
                outcomes.blocked(row, "chat blocked the bot earlier");
                continue;
            }
            if (!limits.tryChat(chat) || !outbound.claim(row.id())) {
                continue;
            }
            // A slot first, then the token: a message is sent the moment its token is taken, so a wait for a slot never
            // lets tokens pile up into a burst beyond what Telegram's own bucket allows.
            inFlight.acquire();
            try {
                limits.awaitOverall();
            } catch (InterruptedException e) {
                inFlight.release();
                throw e;
            }
            busyChats.add(chat);
            started++;
            send(row).whenComplete((messageId, failure) -> {
                try {
                    outcomes.settle(row, messageId, failure);
                } catch (RuntimeException e) {
                    log.warn("Could not record what became of Telegram message {}; it will be sent again", row.id(), e);
                } finally {
                    busyChats.remove(chat);
                    inFlight.release();
                    wakeups.outbound().signal();
                }
            });
        }
        return started;
    }

    /** Waits for the requests still in flight, for a clean stop. */
    void drain(Duration atMost) throws InterruptedException {
        if (inFlight.tryAcquire(IN_FLIGHT, atMost.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            inFlight.release(IN_FLIGHT);
        }
    }

    /** @return the message id Telegram gave, for sends; null for edits */
    private CompletableFuture<@Nullable Integer> send(Queued row) {
        var out = row.outgoing();
        return switch (out.kind()) {
            case SEND -> api.send(out.chat(), out.text(), markup(out.keyboard())).thenApply(id -> id);
            case QUEUE_STATUS -> outcomes.queueStatus(row);
            case CHOICE -> api.editText(out.chat(), target(row), out.text(), null).thenApply(ignored -> null);
            case DROP_KEYBOARD -> api.removeKeyboard(out.chat(), target(row)).thenApply(ignored -> null);
        };
    }

    private static int target(Queued row) {
        Integer target = row.outgoing().targetMessage();
        if (target == null) {
            throw new IllegalStateException("edit without a message to edit: outbound " + row.id());
        }
        return target;
    }

    private @Nullable InlineKeyboardMarkup markup(@Nullable Long keyboardId) {
        if (keyboardId == null) {
            return null;
        }
        var keyboard = keyboards.find(keyboardId).orElseThrow();
        var rows = new java.util.ArrayList<InlineKeyboardRow>();
        for (int position = 0; position < keyboard.buttons().size(); position++) {
            rows.add(new InlineKeyboardRow(InlineKeyboardButton.builder().text(keyboard.buttons().get(position).label())
                    .callbackData(ButtonPresses.callbackData(keyboardId, position)).build()));
        }
        return InlineKeyboardMarkup.builder().keyboard(rows).build();
    }
}
