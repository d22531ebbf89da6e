package io.dastyar.handoff;

/** Whether an agent takes chats: only {@link #ONLINE} agents are given new ones. */
public enum Presence {
    ONLINE,
    /** Signed in but not taking new chats; keeps the chats they hold. */
    AWAY,
    /** Gone: their chats go back to the front of the queue. */
    OFFLINE
}
