package io.dastyar.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

import io.dastyar.channel.telegram.OutboundStore.Kind;
import io.dastyar.channel.telegram.OutboundStore.Queued;
import io.dastyar.conversation.channel.CustomerUnreachable;

/**
 * What becomes of a queued row once Telegram has answered: sent; back in the queue after {@code retry_after} (429) or
 * a back-off (network); or failed for good, a 403 marking the customer unreachable. Nothing is dropped silently.
 */
@Component
@TelegramOn
class SendOutcomes {

    private static final Logger log = LoggerFactory.getLogger(SendOutcomes.class);
    private static final Duration MAX_BACK_OFF = Duration.ofMinutes(5);

    private final OutboundStore outbound;
    private final KeyboardStore keyboards;
    private final TelegramChats chats;
    private final BotApi api;
    private final Clock clock;
    private final MeterRegistry meters;
    private final ApplicationEventPublisher events;

    SendOutcomes(OutboundStore outbound, KeyboardStore keyboards, TelegramChats chats, BotApi api, Clock clock,
                 MeterRegistry meters, ApplicationEventPublisher events) {
        this.events = events;
        this.outbound = outbound;
        this.keyboards = keyboards;
        this.chats = chats;
        this.api = api;
        this.clock = clock;
        this.meters = meters;
    }

    void settle(Queued row, @Nullable Integer messageId, @Nullable Throwable failure) {
        var out = row.outgoing();
        if (failure == null) {
            if (out.kind() == Kind.SEND && out.keyboard() != null && messageId != null) {
                keyboards.sentAs(out.keyboard(), messageId);
            }
            done(row);
            return;
        }
        BotApiFailure why = BotApi.failure(failure);
        Instant now = clock.instant();
        count(why.kind().name().toLowerCase(java.util.Locale.ROOT));
        switch (why.kind()) {
            case NOT_MODIFIED, MESSAGE_GONE -> done(row);
            case RATE_LIMITED -> {
                log.info("Telegram asked to wait {} s before sending to chat {} again", why.retryAfter().toSeconds(), out.chat());
                outbound.retryLater(row.id(), now.plus(why.retryAfter()), why.getMessage(), false);
            }
            case BLOCKED -> blocked(row, why.getMessage());
            case REFUSED -> {
                log.warn("Telegram refused outbound {} to chat {} for good: {}", row.id(), out.chat(), why.getMessage());
                outbound.failed(row.id(), why.getMessage());
            }
            case NETWORK -> {
                Instant retryAt = now.plus(backOff(row.attempts() + 1));
                log.warn("Bot API unreachable sending outbound {} (attempt {}), retrying at {}: {}", row.id(),
                        row.attempts() + 1, retryAt, why.getMessage());
                outbound.retryLater(row.id(), retryAt, why.getMessage(), true);
            }
        }
    }

    /**
     * The customer blocked the bot: this and everything still queued for them fails, and the chat is marked
     * unreachable (telegram_chat.unreachable_since) until they write again; the agent console is told.
     */
    void blocked(Queued row, String why) {
        long chat = row.outgoing().chat();
        Instant now = clock.instant();
        if (chats.markUnreachable(chat, now)) {
            log.warn("Telegram chat {} blocked the bot: customer unreachable until they write again ({})", chat, why);
            events.publishEvent(new CustomerUnreachable(UpdateHandler.address(chat), now));
        }
        outbound.failed(row.id(), "blocked: " + why);
        outbound.failChat(chat, "blocked: " + why);
    }

    /** The queue notice edits the conversation's one status message in the chat, or becomes it. */
    CompletableFuture<@Nullable Integer> queueStatus(Queued row) {
        var out = row.outgoing();
        Optional<TelegramChats.QueueStatusMessage> shown = chats.queueStatus(out.chat())
                .filter(message -> Objects.equals(message.conversation(), out.conversation()));
        if (shown.isEmpty()) {
            return sendQueueStatus(row);
        }
        return api.editText(out.chat(), shown.get().messageId(), out.text(), null)
                .<@Nullable Integer>thenApply(ignored -> null)
                .exceptionallyCompose(e -> switch (BotApi.failure(e).kind()) {
                    case NOT_MODIFIED -> CompletableFuture.completedFuture(null);
                    case MESSAGE_GONE -> sendQueueStatus(row);
                    default -> CompletableFuture.failedFuture(e);
                });
    }

    private CompletableFuture<@Nullable Integer> sendQueueStatus(Queued row) {
        var out = row.outgoing();
        return api.send(out.chat(), out.text(), null).thenApply(messageId -> {
            if (out.conversation() != null) {
                chats.rememberQueueStatus(out.chat(), messageId, out.conversation());
            }
            return messageId;
        });
    }

    private void done(Queued row) {
        outbound.sent(row.id(), clock.instant());
        count("sent");
    }

    private void count(String result) {
        meters.counter("dastyar.telegram.sends", "result", result).increment();
    }

    static Duration backOff(int attempts) {
        Duration backOff = Duration.ofSeconds(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return backOff.compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF : backOff;
    }
}
