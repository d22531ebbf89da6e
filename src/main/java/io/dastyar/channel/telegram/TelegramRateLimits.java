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

    /** The share of {@code messages-per-second} the sender keeps to in the long run. */
    static final int OVERALL_SHARE_PERCENT = 97;

    private final TelegramProperties properties;
    private final Map<Long, Bucket> chats = new ConcurrentHashMap<>();
    private final Bucket overall;

    TelegramRateLimits(TelegramProperties properties) {
        this.properties = properties;
        // Refilled at 97% of the limit: sending at exactly the limit, any jitter on the way (a slow request followed
        // by a fast one) brings two messages closer than Telegram's own bucket allows and earns a 429; the 3% spare
        // lets Telegram's allowance build up a reserve that absorbs it (benchmark: docs/performance.md).
        // Bursts of at most half a second's worth: Telegram's allowance may already be partly used by calls outside
        // this queue (typing, answers to button presses), and a full second's burst on top of those earns a 429.
        this.overall = Bucket.builder().addLimit(Bandwidth.builder().capacity(Math.max(1, properties.messagesPerSecond() / 2))
                .refillGreedy(properties.messagesPerSecond() * (long) OVERALL_SHARE_PERCENT, Duration.ofSeconds(100))
                .build()).build();
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
