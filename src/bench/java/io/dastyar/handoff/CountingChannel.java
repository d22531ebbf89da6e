package io.dastyar.handoff;

import java.util.concurrent.atomic.AtomicLong;

import io.dastyar.conversation.channel.Channel;
import io.dastyar.conversation.channel.Delivery;

/**
 * A channel that only counts what it is handed: for benchmarks whose customers get many thousands of replies, which
 * the recording channel would keep in memory and check against the database one by one.
 */
final class CountingChannel implements Channel {

    static final String NAME = "bench";

    private final AtomicLong delivered = new AtomicLong();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void deliver(Delivery delivery) {
        delivered.incrementAndGet();
    }

    long delivered() {
        return delivered.get();
    }
}
