package io.dastyar.conversation;

/** Where a conversation stands. Only {@link #AWAITING_RATING} and {@link #AWAITING_COMMENT} lead to {@link #CLOSED}. */
public enum ConversationState {
    /** Self-service: the bot answers from the knowledge base. */
    BOT,
    /** An answer was given; the bot asked whether it helped. */
    AWAITING_FEEDBACK,
    /** Waiting for a person. */
    QUEUED,
    /** A person owns the conversation; the bot stays silent. */
    WITH_AGENT,
    /** The CSAT question has been sent. */
    AWAITING_RATING,
    /** The rating is in; an optional comment is invited. */
    AWAITING_COMMENT,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
