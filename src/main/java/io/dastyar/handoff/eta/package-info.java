/**
 * The expected wait for a person, estimated from the live queue: the customer's place, the agents who can serve
 * them with their free slots, and how long recent chats and recent waits took. Pure and deterministic: no clock,
 * no storage; the hand-off service takes the snapshot and says what {@link io.dastyar.handoff.eta.WaitEstimator}
 * answers. The model and its replay figures are in {@code docs/eta.md}.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.handoff.eta;
