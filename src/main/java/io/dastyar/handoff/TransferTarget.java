package io.dastyar.handoff;

/** Where a transfer sends a chat: to one agent, or to whoever of a team can take it. */
public sealed interface TransferTarget {

    record Agent(String username) implements TransferTarget {
    }

    record Team(String name) implements TransferTarget {
    }
}
