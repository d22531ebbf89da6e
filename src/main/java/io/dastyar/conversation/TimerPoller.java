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
    private final Steps steps;
    private final ConversationTransactions transactions;
    private final Clock clock;

    TimerPoller(InactivityTimers timers, Steps steps, ConversationTransactions transactions, Clock clock) {
        this.timers = timers;
        this.steps = steps;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void fireDueTimers() {
        for (InactivityTimers.Due due : timers.due(clock.instant(), 100)) {
            try {
                // Unless another instance already fired it, or the conversation moved on and restarted it.
                transactions.run(() -> timers.claim(due)
                        && steps.takeAndSave(due.conversation(), Trigger.of(ConversationEvent.INACTIVITY_TIMEOUT)));
            } catch (RuntimeException e) {
                log.warn("Inactivity timeout of {} failed; it stays due", due.conversation(), e);
            }
        }
    }
}
