package io.dastyar.conversation.channel;

import java.time.Instant;
import java.util.Optional;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;

/**
 * One reply on its way to a customer. {@code id} is stable across retries, so a channel can use it to
 * recognise a reply it has already delivered; {@code messageId} is the reply's line in the transcript, so a
 * channel that also shows history (the web widget) can tell a live reply from one it already showed.
 *
 * @param author  who the reply is from: the bot, an agent, or the system (notices)
 * @param state   the conversation's state once this reply was written (empty for replies queued before it was kept)
 * @param attempt 1 for the first delivery attempt, 2 for the first retry, and so on
 */
public record Delivery(long id, ConversationId conversation, long messageId, String recipient, Author author,
                       Reply reply, Optional<ConversationState> state, Instant at, int attempt) {
}
