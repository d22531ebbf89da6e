package io.dastyar.conversation;

/** Where an outbox row stands. Kept in its own column, so nobody has to infer it from timestamps and claims. */
enum DeliveryStatus {
    /** Waiting for its first attempt, or for a retry at {@code next_attempt_at}. */
    PENDING,
    /** Claimed by a dispatcher until {@code next_attempt_at}; after that the claim has lapsed and it may be taken again. */
    SENDING,
    /** Handed to the channel. */
    SENT
}
