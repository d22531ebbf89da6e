package io.dastyar.conversation.channel;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Something to show the customer: a message from the bot or an agent, or a system notice (agent joined,
 * conversation closed), with the buttons that go with it. A channel that cannot draw buttons shows them as
 * numbered text ({@link #asNumberedText()}) and the customer's number is read as the button.
 *
 * @param agentName the agent who wrote it, for an agent's message; null for the bot's messages and notices
 */
public record Reply(Kind kind, String text, List<QuickReply> quickReplies, @Nullable String agentName) {

    public enum Kind {
        MESSAGE,
        NOTICE,
        /** The customer's place in the queue and the expected wait: a channel shows only the latest, in place. */
        QUEUE_STATUS
    }

    public Reply {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        quickReplies = List.copyOf(quickReplies);
    }

    public Reply(Kind kind, String text, List<QuickReply> quickReplies) {
        this(kind, text, quickReplies, null);
    }

    /** What an agent wrote to the customer. */
    public static Reply fromAgent(String agentName, String text) {
        return new Reply(Kind.MESSAGE, text, List.of(), Objects.requireNonNull(agentName, "agentName"));
    }

    public static Reply message(String text, QuickReply... quickReplies) {
        return new Reply(Kind.MESSAGE, text, List.of(quickReplies));
    }

    public static Reply notice(String text, QuickReply... quickReplies) {
        return new Reply(Kind.NOTICE, text, List.of(quickReplies));
    }

    /** The text followed by the buttons as a numbered list, for channels without buttons. */
    public String asNumberedText() {
        var text = new StringBuilder(this.text);
        for (int i = 0; i < quickReplies.size(); i++) {
            text.append(i == 0 ? "\n\n" : "\n").append(i + 1).append(". ").append(quickReplies.get(i).label());
        }
        return text.toString();
    }
}
