package io.dastyar.account;

import java.time.Duration;
import java.time.Instant;

import org.springframework.security.core.AuthenticationException;

/** Sign-in was refused without checking the password: too many failed attempts; the allowance refills at {@link #retryAt()}. */
public class SignInThrottledException extends AuthenticationException {

    private final Instant retryAt;

    public SignInThrottledException(Instant retryAt) {
        super("Too many sign-in attempts; try again after " + retryAt);
        this.retryAt = retryAt;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** Whole seconds until the next attempt is allowed, at least one, for Retry-After and the sign-in page. */
    public long secondsToWait(Instant now) {
        Duration left = Duration.between(now, retryAt);
        long seconds = left.toSeconds() + (left.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }
}
