package io.dastyar.handoff.eta;

import java.time.Duration;
import java.util.Optional;

/**
 * Estimates a queued customer's wait from a snapshot of the live queue; the model, its assumptions and how well it
 * does are in {@code docs/eta.md}. Pure and deterministic: the same snapshot always gets the same estimate.
 */
public final class WaitEstimator {

    private final EtaSettings settings;

    public WaitEstimator(EtaSettings settings) {
        this.settings = settings;
    }

    /** Empty when no agent online can serve the customer: then nobody should promise a wait. */
    public Optional<Estimate> estimate(QueueSnapshot snapshot) {
        int slots = 0;
        int free = 0;
        for (AgentLoad agent : snapshot.agents()) {
            slots += agent.capacity();
            free += agent.freeSlots();
        }
        if (slots == 0) {
            return Optional.empty();
        }
        if (snapshot.place() <= free) {
            return Optional.of(new Estimate(settings.assignmentDelay(), Duration.ZERO, settings.assignmentDelay()));
        }
        // The free slots go to those first in line; then every slot is busy and each chat that ends frees one.
        int ahead = snapshot.place() - 1 - free;
        RecentHistory history = RecentHistory.of(snapshot, settings);
        WaitDistribution wait = WaitDistribution.ofSteps(ahead, slots / history.meanHandleSeconds(),
                history.giveUpRate());
        return Optional.of(new Estimate(seconds(wait.quantileSeconds(0.5)),
                seconds(wait.quantileSeconds(settings.lowQuantile())),
                seconds(wait.quantileSeconds(settings.highQuantile()))));
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
