package io.dastyar.conversation;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import io.dastyar.conversation.channel.ChannelFile;
import io.dastyar.conversation.channel.EditReceipt;
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

    /**
     * A customer changed the text of a message they sent (the same client message id), or of a photo's caption. The
     * transcript line takes the new text and keeps the first; the bot does not answer it again and the conversation
     * stays where it is; agents holding the chat see the line marked as edited ({@link MessageEdited}). An id never
     * received does nothing ({@link EditReceipt.Outcome#UNKNOWN_MESSAGE}), and neither does an empty or too long text.
     */
    EditReceipt edit(ChannelAddress customer, String clientMessageId, String newText);

    /**
     * The file of the customer's attachment on that line, from the channel it came by ({@link
     * io.dastyar.conversation.channel.Channel#file}); empty when the line has no file (none, or a location) or the
     * channel no longer has it.
     *
     * @throws IOException the channel cannot fetch it now, or it is too large ({@link ChannelFile.TooLarge})
     */
    Optional<ChannelFile> attachmentFile(ConversationId conversation, long line) throws IOException;
}
