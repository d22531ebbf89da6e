package io.dastyar.conversation;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Reply;

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

    /** An agent takes the conversation; the customer is told the agent's name. */
    boolean assign(ConversationId conversation, String agentName);

    /**
     * An agent's message to the customer, posted like any reply (in order, retried) with the agent's name.
     *
     * @return the message's line in the transcript; empty when the conversation is not with an agent
     * @throws IllegalArgumentException for an empty message or one longer than {@link #maxMessageLength()}
     */
    OptionalLong sendFromAgent(ConversationId conversation, String agentName, String text);

    /** Shows the customer that an agent (or the bot) is typing, on channels that can; nothing is stored. */
    void showTyping(ConversationId conversation, Author who);

    Optional<ConversationSummary> find(ConversationId conversation);

    /** The customer's open conversation on that channel, or else their most recent one. */
    Optional<ConversationSummary> latest(ChannelAddress customer);

    /** The customer's conversations on that channel, newest first, at most {@code limit} of them. */
    List<ConversationSummary> history(ChannelAddress customer, int limit);

    /** Conversations in any of these states, least recently updated first. */
    List<ConversationSummary> inStates(Set<ConversationState> states);

    List<TranscriptEntry> transcript(ConversationId conversation);

    /**
     * A waiting customer's queue status as it is now (place and what to expect), for a channel that shows it on
     * demand; empty when the conversation is not waiting for a person. Changes are pushed to the channel by
     * {@link io.dastyar.conversation.channel.Channel#showQueueStatus}.
     */
    Optional<Reply> queueStatus(ConversationId conversation);

    /** The longest message a customer may send; channels tell customers before they try. */
    int maxMessageLength();
}
