package io.dastyar.handoff.eta;

import java.time.Duration;
import java.time.Instant;

/**
 * A customer who left the queue: when, their place on joining it (1-based), how long they had waited, and whether
 * they left it for an agent or gave up. Those who gave up tell how fast a queue thins out by itself.
 */
public record PastWait(Instant leftAt, int placeOnJoining, Duration waited, boolean assigned) {

    public PastWait {
        if (placeOnJoining < 1 || waited.isNegative()) {
            throw new IllegalArgumentException("place must be 1 or more, wait not negative: " + placeOnJoining);
        }
    }
}
