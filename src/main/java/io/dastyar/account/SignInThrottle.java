package io.dastyar.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

/**
 * Slows down password guessing with token buckets (Bucket4j): one per username and one per client address.
 * An attempt takes a token from both before the password is checked, so attempts made at the same moment
 * cannot slip past the limit together; a successful sign-in gives its tokens back, so only failures count.
 * Buckets refill one token at a time ({@code support.account.sign-in.*}), so a user is slowed down, never
 * locked out for good. They live in memory on each instance and read time from the application's clock.
 */
@Component
public class SignInThrottle {

    /** Longer names cannot be accounts (usernames have at most 64 characters): they share one bucket. */
    private static final int LONGEST_USERNAME = 64;
    private static final String OVERLONG = "\u0000overlong";

    /** Allowed, or refused until {@code retryAt}. */
    public record Verdict(boolean allowed, Instant retryAt) {
    }

    private final Map<String, Bucket> accounts = new ConcurrentHashMap<>();
    private final Map<String, Bucket> addresses = new ConcurrentHashMap<>();
    private final AccountProperties.SignIn limits;
    private final Clock clock;
    private final TimeMeter time;

    SignInThrottle(AccountProperties properties, Clock clock) {
        this.limits = properties.signIn();
        this.clock = clock;
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }

    /** Takes one attempt from the username's and the address's allowance, or says how long to wait. */
    public Verdict attempt(String username, String address) {
        Bucket account = accounts.computeIfAbsent(accountKey(username),
                key -> bucket(limits.attemptsPerAccount(), limits.accountRefill()));
        ConsumptionProbe forAccount = account.tryConsumeAndReturnRemaining(1);
        if (!forAccount.isConsumed()) {
            return refused(forAccount);
        }
        Bucket client = addresses.computeIfAbsent(addressKey(address),
                key -> bucket(limits.attemptsPerAddress(), limits.addressRefill()));
        ConsumptionProbe forAddress = client.tryConsumeAndReturnRemaining(1);
        if (!forAddress.isConsumed()) {
            account.addTokens(1);
            return refused(forAddress);
        }
        return new Verdict(true, null);
    }

    /** The password was right: the attempt does not count. */
    public void succeeded(String username, String address) {
        Bucket account = accounts.get(accountKey(username));
        if (account != null) {
            account.addTokens(1);
        }
        Bucket client = addresses.get(addressKey(address));
        if (client != null) {
            client.addTokens(1);
        }
    }

    /** A bucket that has filled up again holds no history worth keeping: dropping it bounds the memory used. */
    @Scheduled(fixedDelay = 300_000, initialDelay = 300_000)
    void forgetIdle() {
        accounts.values().removeIf(bucket -> bucket.getAvailableTokens() >= limits.attemptsPerAccount());
        addresses.values().removeIf(bucket -> bucket.getAvailableTokens() >= limits.attemptsPerAddress());
    }

    private Verdict refused(ConsumptionProbe probe) {
        return new Verdict(false, clock.instant().plusNanos(probe.getNanosToWaitForRefill()));
    }

    private Bucket bucket(int attempts, Duration refill) {
        return Bucket.builder()
                .withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(1, refill).build())
                .build();
    }

    private static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > LONGEST_USERNAME ? OVERLONG : key;
    }

    private static String addressKey(String address) {
        return address == null ? "" : address;
    }
}
