package io.dastyar.channel.telegram;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Telegram's limits as token buckets (Bucket4j): about one message a second to a chat with short bursts, 20 a minute
 * to a group, about 30 a second in all. Only the instance holding the lease sends, so buckets in memory suffice.
 */
@Component
@TelegramOn
class TelegramRateLimits {

    private final TelegramProperties properties;
    private final Map<Long, Bucket> chats = new ConcurrentHashMap<>();
    private final Bucket overall;

    TelegramRateLimits(TelegramProperties properties) {
        this.properties = properties;
        this.overall = Bucket.builder().addLimit(Bandwidth.builder().capacity(properties.messagesPerSecond())
                .refillGreedy(properties.messagesPerSecond(), Duration.ofSeconds(1)).build()).build();
    }

    /** Takes one message from the chat's allowance, if it has one now. Groups have negative chat ids. */
    boolean tryChat(long chat) {
        return chats.computeIfAbsent(chat, this::bucketFor).tryConsume(1);
    }

    /** Waits until the overall limit allows one more message. */
    void awaitOverall() throws InterruptedException {
        overall.asBlocking().consume(1);
    }

    /** A chat bucket that has filled up again holds nothing worth keeping. */
    void forgetIdle() {
        chats.entrySet().removeIf(entry -> entry.getValue().getAvailableTokens() >= capacity(entry.getKey()));
    }

    private Bucket bucketFor(long chat) {
        Bandwidth limit = chat < 0
                ? Bandwidth.builder().capacity(capacity(chat))
                        .refillGreedy(properties.groupMessagesPerMinute(), Duration.ofMinutes(1)).build()
                : Bandwidth.builder().capacity(capacity(chat)).refillGreedy(1, Duration.ofSeconds(1)).build();
        return Bucket.builder().addLimit(limit).build();
    }

    private int capacity(long chat) {
        return chat < 0 ? Math.min(properties.chatBurst(), properties.groupMessagesPerMinute()) : properties.chatBurst();
    }
}
