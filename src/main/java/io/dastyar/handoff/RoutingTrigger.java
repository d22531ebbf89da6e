package io.dastyar.handoff;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs a routing pass soon, on a thread of its own, so that neither the customer's request nor the agent's waits for
 * it. Requests made while a pass is pending are folded into it.
 */
@Component
class RoutingTrigger implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RoutingTrigger.class);

    private final ObjectProvider<Router> router;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("handoff-router").daemon().factory());
    private final AtomicBoolean pending = new AtomicBoolean();

    RoutingTrigger(ObjectProvider<Router> router) {
        this.router = router;
    }

    void request() {
        if (!pending.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                pending.set(false);
                try {
                    router.getObject().route();
                } catch (RuntimeException e) {
                    log.warn("Routing failed; the sweep will try again", e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            pending.set(false); // shutting down
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
