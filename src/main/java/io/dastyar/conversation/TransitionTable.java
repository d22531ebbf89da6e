package io.dastyar.conversation;

import static io.dastyar.conversation.ConversationEvent.*;
import static io.dastyar.conversation.ConversationState.*;
import static io.dastyar.conversation.Effect.*;
import static io.dastyar.conversation.Guard.*;

import java.util.ArrayList;
import java.util.List;

/**
 * The conversation's behaviour as data. The state machine, the README diagram and the tests are all
 * built from this one list. Rows with the same source and event have guards that exclude each other
 * (TransitionTableTest checks it), so at most one of them can fire.
 *
 * <p>The CSAT invariant lives here: only the survey's steps ({@code AWAITING_RATING}, {@code AWAITING_COMMENT},
 * {@code AWAITING_NPS}) lead to {@code CLOSED}, the later two are reached only through the first, and every way
 * into {@code AWAITING_RATING} asks the rating question.
 */
final class TransitionTable {

    static final List<Transition> ROWS = build();

    private TransitionTable() {
    }

    private static List<Transition> build() {
        var rows = new ArrayList<Transition>();
        for (var selfService : List.of(BOT, AWAITING_FEEDBACK)) {
            rows.add(row(selfService, MESSAGE, CLOSE_CALL, AWAITING_FEEDBACK, OFFER_CHOICES));
            rows.add(row(selfService, MESSAGE, CONFIDENT_ANSWER, AWAITING_FEEDBACK, ANSWER));
            rows.add(row(selfService, MESSAGE, NO_CONFIDENT_ANSWER, BOT, SAY_NO_ANSWER));
            rows.add(row(selfService, MESSAGE, STILL_NO_ANSWER, BOT, OFFER_PERSON_UNANSWERED));
            rows.add(row(selfService, ASKED_FOR_PERSON, ALWAYS, QUEUED, ENQUEUE));
        }
        rows.add(row(AWAITING_FEEDBACK, CHOSE_ANSWER, CONFIDENT_ANSWER, AWAITING_FEEDBACK, ANSWER));
        rows.add(row(AWAITING_FEEDBACK, CHOSE_ANSWER, NO_CONFIDENT_ANSWER, BOT, SAY_NO_ANSWER));
        rows.add(row(AWAITING_FEEDBACK, HELPED, ALWAYS, BOT, INVITE_MORE_QUESTIONS));
        rows.add(row(AWAITING_FEEDBACK, NOT_HELPED, ANOTHER_CANDIDATE, AWAITING_FEEDBACK, OFFER_NEXT_CANDIDATE));
        rows.add(row(AWAITING_FEEDBACK, NOT_HELPED, GIVE_UP_ON_BOT, BOT, OFFER_PERSON));

        rows.add(row(QUEUED, MESSAGE, ALWAYS, QUEUED, REMIND_QUEUED));
        rows.add(row(QUEUED, ASSIGNED, ALWAYS, WITH_AGENT, ANNOUNCE_AGENT));
        rows.add(row(WITH_AGENT, MESSAGE, ALWAYS, WITH_AGENT, FORWARD_TO_AGENT));
        rows.add(row(WITH_AGENT, TRANSFERRED, ALWAYS, QUEUED, ANNOUNCE_TRANSFER));
        rows.add(row(QUEUED, RESOLVED, ALWAYS, AWAITING_RATING, ASK_RATING));
        rows.add(row(WITH_AGENT, RESOLVED, ALWAYS, AWAITING_RATING, ASK_RATING));

        // Every open conversation can be ended by the customer or go quiet; either way the CSAT question is asked.
        for (var open : List.of(BOT, AWAITING_FEEDBACK, QUEUED, WITH_AGENT)) {
            rows.add(row(open, ENDED, ALWAYS, AWAITING_RATING, ASK_RATING));
            rows.add(row(open, INACTIVITY_TIMEOUT, ALWAYS, AWAITING_RATING, ASK_RATING));
        }

        // The survey. The rating question is repeated once after stray text, then the text is the comment; an
        // unanswered question gets one reminder, then the conversation closes unrated.
        rows.add(row(AWAITING_RATING, RATING_GIVEN, ALWAYS, AWAITING_COMMENT, ASK_COMMENT));
        rows.add(row(AWAITING_RATING, MESSAGE, FIRST_STRAY_TEXT, AWAITING_RATING, REPEAT_RATING_QUESTION));
        rows.add(row(AWAITING_RATING, MESSAGE, STRAY_TEXT_AGAIN, CLOSED, KEEP_AS_COMMENT, THANK_AND_CLOSE));
        rows.add(row(AWAITING_RATING, INACTIVITY_TIMEOUT, NOT_REMINDED, AWAITING_RATING, REMIND_RATING));
        rows.add(row(AWAITING_RATING, INACTIVITY_TIMEOUT, REMINDED, CLOSED, CLOSE_UNRATED));
        rows.add(row(AWAITING_RATING, ENDED, ALWAYS, CLOSED, THANK_AND_CLOSE));

        // A second rating replaces the first; a reason may come before the comment.
        rows.add(row(AWAITING_COMMENT, RATING_GIVEN, ALWAYS, AWAITING_COMMENT, ASK_COMMENT));
        rows.add(row(AWAITING_COMMENT, REASON_GIVEN, ALWAYS, AWAITING_COMMENT, ASK_COMMENT_AFTER_REASON));
        for (var answered : List.of(COMMENT_GIVEN, COMMENT_SKIPPED)) {
            rows.add(row(AWAITING_COMMENT, answered, NPS_SAMPLED, AWAITING_NPS, ASK_NPS));
            rows.add(row(AWAITING_COMMENT, answered, NPS_NOT_SAMPLED, CLOSED, THANK_AND_CLOSE));
        }
        rows.add(row(AWAITING_COMMENT, ENDED, ALWAYS, CLOSED, THANK_AND_CLOSE));
        rows.add(row(AWAITING_COMMENT, INACTIVITY_TIMEOUT, ALWAYS, CLOSED, THANK_AND_CLOSE));

        // NPS never holds the conversation open: whatever comes instead of a score closes it.
        for (var anything : List.of(NPS_GIVEN, NPS_SKIPPED, MESSAGE, ENDED, INACTIVITY_TIMEOUT)) {
            rows.add(row(AWAITING_NPS, anything, ALWAYS, CLOSED, THANK_AND_CLOSE));
        }
        return List.copyOf(rows);
    }

    private static Transition row(ConversationState source, ConversationEvent event, Guard guard,
                                  ConversationState target, Effect... effects) {
        return new Transition(source, event, guard, target, List.of(effects));
    }
}
