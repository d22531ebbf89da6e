package io.dastyar.channel.telegram;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the update processor and the sender when there is new work, rather than waiting for their next look. */
@Component
@TelegramOn
class Wakeups {

    /** A doorbell: rings once however often it is pressed, until someone answers. */
    static final class Signal {
        private final Semaphore bell = new Semaphore(0);

        void signal() {
            if (bell.availablePermits() == 0) {
                bell.release();
            }
        }

        void await(Duration atMost) throws InterruptedException {
            if (bell.tryAcquire(atMost.toNanos(), TimeUnit.NANOSECONDS)) {
                bell.drainPermits();
            }
        }
    }

    private final Signal updates = new Signal();
    private final Signal outbound = new Signal();

    Signal updates() {
        return updates;
    }

    Signal outbound() {
        return outbound;
    }
}
