package io.dastyar.conversation;

/**
 * Where a conversation stands. Only the survey's steps ({@link #AWAITING_RATING}, {@link #AWAITING_COMMENT},
 * {@link #AWAITING_NPS}) lead to {@link #CLOSED}, and the survey always starts with the rating question.
 */
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
    /** The rating is in; an optional comment (and, after a low rating, a reason) is invited. */
    AWAITING_COMMENT,
    /** The conversation was picked for the optional "would you recommend us?" question (0–10). */
    AWAITING_NPS,
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
