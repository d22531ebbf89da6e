package io.dastyar.conversation;

/**
 * One reply on its way to a customer. {@code id} is stable across retries, so a channel can use it to
 * recognise a reply it has already delivered.
 */
public record Delivery(long id, ConversationId conversation, String recipient, Reply reply) {
}
