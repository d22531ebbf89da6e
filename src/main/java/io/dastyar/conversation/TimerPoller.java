package io.dastyar.conversation;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Fires due inactivity timers. Any number of instances may poll: each timer is claimed exactly once. */
@Component
class TimerPoller {

    private static final Logger log = LoggerFactory.getLogger(TimerPoller.class);

    private final InactivityTimers timers;
    private final Inbox inbox;
    private final Clock clock;

    TimerPoller(InactivityTimers timers, Inbox inbox, Clock clock) {
        this.timers = timers;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void fireDueTimers() {
        for (InactivityTimers.Due due : timers.due(clock.instant(), 100)) {
            try {
                inbox.fireTimeout(due);
            } catch (RuntimeException e) {
                log.warn("Inactivity timeout of {} failed; it stays due", due.conversation(), e);
            }
        }
    }
}
