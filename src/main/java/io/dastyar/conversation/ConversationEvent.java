package io.dastyar.conversation;

/** Everything that can happen to a conversation, grouped by who causes it. */
public enum ConversationEvent {
    MESSAGE(Origin.CUSTOMER),
    HELPED(Origin.CUSTOMER),
    NOT_HELPED(Origin.CUSTOMER),
    ASKED_FOR_PERSON(Origin.CUSTOMER),
    /** Picked one of the "Did you mean …?" choices. */
    CHOSE_ANSWER(Origin.CUSTOMER),
    ENDED(Origin.CUSTOMER),
    ASSIGNED(Origin.AGENT),
    TRANSFERRED(Origin.AGENT),
    RESOLVED(Origin.AGENT),
    INACTIVITY_TIMEOUT(Origin.TIMER),
    RATING_GIVEN(Origin.RATING),
    COMMENT_GIVEN(Origin.RATING),
    COMMENT_SKIPPED(Origin.RATING),
    /** After a low rating: one of the configured reasons, picked from buttons. */
    REASON_GIVEN(Origin.RATING),
    /** The answer to "would you recommend us?", 0 to 10. */
    NPS_GIVEN(Origin.RATING),
    NPS_SKIPPED(Origin.RATING);

    public enum Origin { CUSTOMER, AGENT, TIMER, RATING }

    private final Origin origin;

    ConversationEvent(Origin origin) {
        this.origin = origin;
    }

    public Origin origin() {
        return origin;
    }
}
