package io.dastyar.handoff.eta;

import java.time.Instant;
import java.util.List;

/**
 * What the estimate may know at one moment: the customer's place among those the same agents can serve (1-based),
 * those agents' slots, and the history so far. History older than the settings' window is ignored, so callers may
 * pass more than the window; nothing after {@code at} may be passed, since it would not be known yet.
 *
 * @param agents       the agents online who can serve this customer; empty when none can
 * @param recentChats  chats agents finished, in any order
 * @param recentWaits  waits of customers who got an agent, in any order
 */
public record QueueSnapshot(Instant at, int place, List<AgentLoad> agents, List<HandledChat> recentChats,
        List<PastWait> recentWaits) {

    public QueueSnapshot {
        if (place < 1) {
            throw new IllegalArgumentException("place is 1-based: " + place);
        }
        agents = List.copyOf(agents);
        recentChats = List.copyOf(recentChats);
        recentWaits = List.copyOf(recentWaits);
    }
}
