package io.dastyar.conversation;

/** What must happen because a transition fired. {@link Steps} carries these out; the machine only names them. */
enum Effect {
    ANSWER,
    OFFER_CHOICES,
    SAY_NO_ANSWER,
    /** No answer once more, after others: say so, and offer a person outright. */
    OFFER_PERSON_UNANSWERED,
    OFFER_NEXT_CANDIDATE,
    OFFER_PERSON,
    INVITE_MORE_QUESTIONS,
    ENQUEUE,
    REMIND_QUEUED,
    FORWARD_TO_AGENT,
    ANNOUNCE_AGENT,
    ANNOUNCE_TRANSFER,
    ASK_RATING,
    REPEAT_RATING_QUESTION,
    ASK_COMMENT,
    THANK_AND_CLOSE
}
