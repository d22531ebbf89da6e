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
    /** The one reminder of an unanswered rating question. */
    REMIND_RATING,
    /** The customer's text, where a rating was expected twice, is kept as their comment. */
    KEEP_AS_COMMENT,
    /** Asks for a comment in words that fit the rating: what went wrong, what went well; reasons after a low one. */
    ASK_COMMENT,
    /** A reason was picked: thanks, and the comment may still follow. */
    ASK_COMMENT_AFTER_REASON,
    ASK_NPS,
    THANK_AND_CLOSE,
    /** Closed without a rating: says so, and that the rating buttons still count for a while. */
    CLOSE_UNRATED
}
