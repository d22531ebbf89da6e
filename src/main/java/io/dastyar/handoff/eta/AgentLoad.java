package io.dastyar.handoff.eta;

/**
 * An agent online who can serve the queue in question: how many chats they take at once, and how many they have.
 * The load may exceed the capacity when the capacity was lowered during chats.
 */
public record AgentLoad(int capacity, int load) {

    public AgentLoad {
        if (capacity < 0 || load < 0) {
            throw new IllegalArgumentException("capacity and load cannot be negative: " + capacity + ", " + load);
        }
    }

    int freeSlots() {
        return Math.max(0, capacity - load);
    }
}
