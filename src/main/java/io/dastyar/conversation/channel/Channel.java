package io.dastyar.conversation.channel;

import java.io.IOException;
import java.util.Optional;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.Conversations;

/**
 * A way to reach customers. A channel hands customers' messages to {@link Conversations#receive(Inbound)}
 * and is handed replies here, after the transaction that produced them has committed. Adding a channel
 * means adding one package with one bean of this type.
 *
 * <p>For channel authors, beyond text and buttons:
 * <ul>
 *   <li>a photo, file, voice note, video, sticker or location is an {@link Inbound.Media} holding an
 *       {@link Attachment} with the channel's own reference to the file (never the file, never a URL with a
 *       credential in it); the console fetches the file through the server, which asks {@link #file(String)};</li>
 *   <li>a customer who edits a message they sent hands the new text to
 *       {@link Conversations#edit(io.dastyar.conversation.ChannelAddress, String, String)} under the same client
 *       message id; the transcript keeps the first text and the bot does not read it again.</li>
 * </ul>
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

    /**
     * The file behind an {@link Attachment#reference()} a customer sent on this channel, fetched with the channel's
     * credentials for an agent who opens it in the console; the server passes it on, so the credentials never reach
     * a browser. Empty when the channel does not know the reference or no longer has the file (the default: a
     * channel that takes no files). A file over {@link ChannelFile#MAX_BYTES} is refused with
     * {@link ChannelFile.TooLarge}; any other exception means it cannot be fetched now, and the agent may try again.
     */
    default Optional<ChannelFile> file(String reference) throws IOException {
        return Optional.empty();
    }

    /**
     * A waiting customer's queue status has changed: their place, or what to expect. {@code status} is a
     * {@link Reply.Kind#QUEUE_STATUS} reply that replaces the one shown before. A channel that can show it in
     * place (update the status line, edit the message) does; one that cannot ignores it, the customer having been
     * told on joining. Not a transcript line and never queued or retried: the next change makes good a missed one,
     * and {@link io.dastyar.conversation.Conversations#queueStatus} gives the current one on demand. Changes are
     * batched, so a customer hears at most one per refresh however many people leave the queue meanwhile.
     */
    default void showQueueStatus(String recipient, ConversationId conversation, Reply status) {
    }
}
