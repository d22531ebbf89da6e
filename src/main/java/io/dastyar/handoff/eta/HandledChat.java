package io.dastyar.handoff.eta;

import java.time.Duration;
import java.time.Instant;

/** A chat an agent finished: when, and how long it took from assignment to resolution. */
public record HandledChat(Instant endedAt, Duration handleTime) {

    public HandledChat {
        if (handleTime.isNegative()) {
            throw new IllegalArgumentException("negative handle time: " + handleTime);
        }
    }
}
