package io.dastyar.conversation.channel;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;

/**
 * A way to reach customers. A channel hands customers' messages to {@link Conversations#receive(Inbound)}
 * and is handed replies here, after the transaction that produced them has committed. Adding a channel
 * means adding one package with one bean of this type.
 */
public interface Channel {

    /** The name that {@link ChannelAddress#channel()} uses for this channel. */
    String name();

    /**
     * Delivers one reply. Throwing means "try again later": the reply stays in the outbox and is retried
     * with back-off, so a delivery may be repeated and {@link Delivery#id()} tells repeats apart.
     */
    void deliver(Delivery delivery) throws Exception;

    /**
     * False for channels that cannot draw buttons: they show {@link Reply#asNumberedText()}, and a customer who
     * answers with a number is taken to have pressed that button.
     */
    default boolean drawsButtons() {
        return true;
    }

    /**
     * Thrown by {@link #deliver(Delivery)} when this instance cannot deliver now but another instance, or this
     * one a little later, may: the reply is retried with back-off, and the attempt is not counted as a failure.
     */
    class NotHere extends Exception {
        public NotHere(String message) {
            super(message);
        }
    }

    /** Shows the customer that someone is typing, where the channel can; best effort, never queued. */
    default void typing(String recipient, ConversationId conversation, Author who) {
    }
}
