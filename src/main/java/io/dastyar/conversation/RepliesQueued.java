package io.dastyar.conversation;

/** Published inside the transaction that queued replies; the dispatcher acts on it after the commit. */
record RepliesQueued(ConversationId conversation) {
}
