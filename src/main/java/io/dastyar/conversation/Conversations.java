package io.dastyar.conversation;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The conversation feature's API for channels and for the other features. */
public interface Conversations {

    /**
     * Takes a customer's message: stores it, lets the state machine decide, and queues the replies, all in
     * one transaction. Replies go out only after it commits. Safe to call again with the same message.
     */
    Receipt receive(Inbound inbound);

    /**
     * Applies an agent's or a timer's event ({@link ConversationEvent.Origin#AGENT} or
     * {@link ConversationEvent.Origin#TIMER}). Customers' events come through {@link #receive(Inbound)}.
     *
     * @return whether the conversation's state machine accepted the event
     */
    boolean fire(ConversationId conversation, ConversationEvent event);

    Optional<ConversationSummary> find(ConversationId conversation);

    /** Conversations in any of these states, least recently updated first. */
    List<ConversationSummary> inStates(Set<ConversationState> states);

    List<TranscriptEntry> transcript(ConversationId conversation);
}
