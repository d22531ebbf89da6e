package io.dastyar.conversation;

import java.util.List;
import java.util.Objects;

/**
 * Something to show the customer: a message from the bot or an agent, or a system notice (queue position,
 * agent joined, conversation closed), with the buttons that go with it.
 */
public record Reply(Kind kind, String text, List<QuickReply> quickReplies) {

    public enum Kind { MESSAGE, NOTICE }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        quickReplies = List.copyOf(quickReplies);
    }

    public static Reply message(String text, QuickReply... quickReplies) {
        return new Reply(Kind.MESSAGE, text, List.of(quickReplies));
    }

    public static Reply notice(String text, QuickReply... quickReplies) {
        return new Reply(Kind.NOTICE, text, List.of(quickReplies));
    }
}
