package io.dastyar.handoff;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What hand-off does only once the transaction that caused it has committed: publish its events, and route. With no
 * transaction under way, at once.
 */
@Component
class AfterCommit {

    private final ApplicationEventPublisher events;
    private final RoutingTrigger routing;

    AfterCommit(ApplicationEventPublisher events, RoutingTrigger routing) {
        this.events = events;
        this.routing = routing;
    }

    void publish(Object event) {
        run(() -> events.publishEvent(event));
    }

    /** Asks for a routing pass, on the router's own thread. */
    void route() {
        run(routing::request);
    }

    private static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
