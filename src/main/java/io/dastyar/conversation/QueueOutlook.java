package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

import io.dastyar.system.Language;

/**
 * What a customer waiting for a person is told about their wait: their place, and the expected wait, or that the
 * team is closed and when it opens, or that nobody who can serve them is online. Implemented by whoever keeps the
 * queue of people (hand-off).
 *
 * <p>Asked while the notice is composed, before the conversation is saved: a conversation joining the queue may
 * not be known to the implementation yet, so its place counts those queued before {@code queuedAt}.
 */
public interface QueueOutlook {

    /**
     * The outlooks at one moment, sharing what they all need (the line, agents online, recent history), for any
     * number of waiting customers.
     */
    Board board(Instant now);

    /** One customer's outlook. */
    default Outlook outlook(ConversationId conversation, Language language, Instant queuedAt, Instant now) {
        return board(now).outlook(conversation, language, queuedAt);
    }

    @FunctionalInterface
    interface Board {

        /** {@code queuedAt} is when the conversation joined the queue, as the conversation knows it. */
        Outlook outlook(ConversationId conversation, Language language, Instant queuedAt);
    }

    /** Every outlook starts with the customer's place in the queue (1-based) among those who wait for the same people. */
    sealed interface Outlook permits Waiting, Closed, NobodyOnline {

        int place();
    }

    /** The team is open and someone can serve the customer; the expected wait, when known. */
    record Waiting(int place, Optional<WaitRange> expected) implements Outlook {
    }

    /** The team is closed; {@code opening} says when it opens, already in the customer's language. */
    record Closed(int place, String opening) implements Outlook {
    }

    /** The team is open, but nobody who can serve the customer is online: no wait is promised. */
    record NobodyOnline(int place) implements Outlook {
    }

    /** An expected wait in whole minutes, {@code from} to {@code to}; "less than a minute" when {@code to} is 1. */
    record WaitRange(int fromMinutes, int toMinutes) {

        public WaitRange {
            if (fromMinutes < 0 || toMinutes <= fromMinutes) {
                throw new IllegalArgumentException("need 0 ≤ from < to: " + fromMinutes + "–" + toMinutes);
            }
        }

        public boolean underAMinute() {
            return toMinutes <= 1;
        }
    }
}
