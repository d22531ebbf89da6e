package io.dastyar.handoff;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dastyar.handoff.AgentStore.Agent;
import io.dastyar.handoff.ChatStore.Chat;
import io.dastyar.handoff.Handoff.Outcome;

/**
 * Offers waiting chats to agents, first in line first. Each chat goes to the least-loaded online agent with room
 * who speaks its language (and is the transfer's target, or in its team); a returning customer goes first to the
 * agent who last helped them, within the sticky grace time. A chat that no available agent can take is passed over,
 * so it does not hold up those behind it; a newer chat never goes before an older one that an agent could take.
 *
 * <p>Runs after every commit that can change the outcome (the queue, a presence, room freed) and on a sweep every
 * second, which also takes silent agents offline and repairs half-done assignments. Any number of instances may
 * route at once: a chat is won by a conditional update, so only one of them gets it.
 */
@Component
class Router {

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final ChatStore chats;
    private final AgentStore agents;
    private final Assignments assignments;
    private final RoutingProperties properties;
    private final Clock clock;
    private final ReentrantLock routing = new ReentrantLock();

    Router(ChatStore chats, AgentStore agents, Assignments assignments, RoutingProperties properties, Clock clock) {
        this.chats = chats;
        this.agents = agents;
        this.assignments = assignments;
        this.properties = properties;
        this.clock = clock;
    }

    /** One pass over the queue; passes of this instance run one after another. */
    void route() {
        routing.lock();
        try {
            Instant now = clock.instant();
            List<Agent> available = new ArrayList<>(agents.online(now.minus(properties.heartbeatGrace())));
            if (available.isEmpty()) {
                return;
            }
            for (Chat chat : chats.waiting()) {
                List<Agent> eligible = available.stream().filter(agent -> canTake(agent, chat)).toList();
                if (eligible.isEmpty()) {
                    continue;
                }
                Agent chosen = sticky(chat, eligible, now).orElseGet(() -> leastLoaded(eligible));
                Outcome outcome = assignments.claimAndAssign(chosen.username(), chat.conversation());
                if (outcome == Outcome.DONE || outcome == Outcome.AGENT_FULL) {
                    // Either way, refresh what we know of this agent's load before the next chat.
                    available.remove(chosen);
                    agents.find(chosen.username()).filter(Agent::hasRoom).ifPresent(available::add);
                }
                if (available.isEmpty()) {
                    return;
                }
            }
        } finally {
            routing.unlock();
        }
    }

    @Scheduled(fixedDelay = 1_000, initialDelay = 1_000)
    void sweep() {
        try {
            Instant cutoff = clock.instant().minus(properties.heartbeatGrace());
            for (String silent : agents.silentSince(cutoff)) {
                if (agents.takeOfflineIfSilent(silent, cutoff)) {
                    log.info("Agent {} not heard from since {}: taken offline, their chats go back to the queue",
                            silent, cutoff);
                }
            }
            for (String gone : agents.goneButHolding(cutoff)) {
                assignments.requeueChatsOf(gone);
            }
            assignments.repairClaims();
            route();
        } catch (RuntimeException e) {
            log.warn("Hand-off sweep failed; it runs again in a second", e);
        }
    }

    private static boolean canTake(Agent agent, Chat chat) {
        return agent.hasRoom() && agent.languages().contains(chat.language()) && !chat.meantForOtherThan(agent);
    }

    private Optional<Agent> sticky(Chat chat, List<Agent> eligible, Instant now) {
        if (properties.stickyGrace().isZero() || chat.target().isPresent()) {
            return Optional.empty();
        }
        return chats.lastAgent(chat.customer(), now.minus(properties.stickyGrace()))
                .flatMap(last -> eligible.stream().filter(agent -> agent.username().equals(last)).findFirst());
    }

    /** The least loaded; of equals, the one who waited longest for a chat. */
    private static Agent leastLoaded(List<Agent> eligible) {
        return eligible.stream().min(Comparator.comparingInt(Agent::load)
                .thenComparing(Agent::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Agent::username)).orElseThrow();
    }
}
