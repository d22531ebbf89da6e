package io.dastyar.handoff.replay;

import java.time.Duration;
import java.time.Instant;

/**
 * One thing that happens to the hand-off desk on a scripted day, whatever the system under test does. Resolutions
 * are the exception: when a chat ends depends on when it was assigned, which is the system's doing, so the script
 * gives each chat's handle time with its customer and whoever replays the day resolves the chat that long after
 * assigning it.
 */
public sealed interface ScriptedEvent {

    Instant at();

    /** A customer asks for a person; an agent will resolve the chat {@code handleTime} after taking it. */
    record CustomerQueued(Instant at, String customer, Duration handleTime) implements ScriptedEvent {
    }

    /** The customer's patience runs out: if still waiting, they leave the queue; if assigned, nothing happens. */
    record CustomerGivesUp(Instant at, String customer) implements ScriptedEvent {
    }

    /** An agent starts taking chats (a shift begins, or a break ends). */
    record AgentOnline(Instant at, String agent, int capacity) implements ScriptedEvent {
    }

    /** An agent stops taking new chats (a break or the end of a shift), but finishes the ones they have. */
    record AgentOffline(Instant at, String agent) implements ScriptedEvent {
    }
}
