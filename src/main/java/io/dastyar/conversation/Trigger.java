package io.dastyar.conversation;

import java.util.Objects;
import java.util.Set;

/**
 * An event offered to a conversation's state machine, with what it carries. One record per meaning, so that
 * no code has to know which event puts what into a shared field.
 */
sealed interface Trigger extends Interpretation {

    ConversationEvent event();

    static Trigger of(ConversationEvent event) {
        return new Signal(event);
    }

    /** The customer wrote something: a question to the bot, or a message for the agent. */
    record Message(String text) implements Trigger {
        public Message {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.MESSAGE;
        }
    }

    /** The customer picked one of the "Did you mean …?" articles. */
    record ChosenArticle(String articleId) implements Trigger {
        public ChosenArticle {
            Objects.requireNonNull(articleId, "articleId");
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.CHOSE_ANSWER;
        }
    }

    /** The customer's satisfaction, 1 to 5. */
    record Rating(int score) implements Trigger {
        public Rating {
            if (score < 1 || score > 5) {
                throw new IllegalArgumentException("A rating is 1 to 5, not " + score);
            }
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.RATING_GIVEN;
        }
    }

    /** How likely the customer is to recommend us, 0 to 10. */
    record Nps(int score) implements Trigger {
        public Nps {
            if (score < 0 || score > 10) {
                throw new IllegalArgumentException("An NPS answer is 0 to 10, not " + score);
            }
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.NPS_GIVEN;
        }
    }

    /** After a low rating, the reason the customer picked: one of the configured reasons' codes. */
    record Reason(String code) implements Trigger {
        public Reason {
            Objects.requireNonNull(code, "code");
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.REASON_GIVEN;
        }
    }

    /** What the customer added after rating. */
    record Comment(String text) implements Trigger {
        public Comment {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.COMMENT_GIVEN;
        }
    }

    /** An agent took the conversation. */
    record AgentJoined(String agentName) implements Trigger {
        public AgentJoined {
            if (agentName == null || agentName.isBlank()) {
                throw new IllegalArgumentException("An assignment names the agent");
            }
            agentName = agentName.strip();
        }

        @Override
        public ConversationEvent event() {
            return ConversationEvent.ASSIGNED;
        }
    }

    /**
     * An event that carries nothing: a button such as "helped", a command, a timeout, an agent's action (an
     * assignment without the agent's name among them).
     */
    record Signal(ConversationEvent event) implements Trigger {
        private static final Set<ConversationEvent> CARRYING = Set.of(ConversationEvent.MESSAGE,
                ConversationEvent.CHOSE_ANSWER, ConversationEvent.RATING_GIVEN, ConversationEvent.COMMENT_GIVEN,
                ConversationEvent.REASON_GIVEN, ConversationEvent.NPS_GIVEN);

        public Signal {
            Objects.requireNonNull(event, "event");
            if (CARRYING.contains(event)) {
                throw new IllegalArgumentException(event + " carries something: use its own trigger");
            }
        }
    }
}
