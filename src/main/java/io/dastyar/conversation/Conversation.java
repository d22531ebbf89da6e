package io.dastyar.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import io.dastyar.system.Language;

/**
 * The conversation aggregate: its state and the little it must remember between events. The transcript
 * is not part of it; it is appended to on its own, never re-saved with this row. {@code version} gives
 * optimistic locking: two events applied at once cannot both win.
 */
@Table("conversation")
class Conversation {

    @Id
    private final UUID id;
    private final String channel;
    private final String recipient;
    private String openKey;
    private Language language;
    private ConversationState state;
    private int notHelpedCount;
    private int eventsApplied;
    private String lastQuestion;
    /** The articles given for the current question, oldest first, separated by spaces (ids have none). */
    private String answersGiven;
    private Integer rating;
    private String ratingComment;
    private final Instant createdAt;
    private Instant updatedAt;
    private Instant closedAt;
    /** When it last joined the queue: its place in line. */
    private Instant queuedAt;
    @Version
    private Long version;

    @PersistenceCreator
    Conversation(UUID id, String channel, String recipient, String openKey, Language language, ConversationState state,
                 int notHelpedCount, int eventsApplied, String lastQuestion, String answersGiven, Integer rating,
                 String ratingComment,
                 Instant createdAt, Instant updatedAt, Instant closedAt, Instant queuedAt, Long version) {
        this.id = id;
        this.channel = channel;
        this.recipient = recipient;
        this.openKey = openKey;
        this.language = language;
        this.state = state;
        this.notHelpedCount = notHelpedCount;
        this.eventsApplied = eventsApplied;
        this.lastQuestion = lastQuestion;
        this.answersGiven = answersGiven;
        this.rating = rating;
        this.ratingComment = ratingComment;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.queuedAt = queuedAt;
        this.version = version;
    }

    static Conversation open(ChannelAddress customer, Language language, Instant now) {
        return new Conversation(UUID.randomUUID(), customer.channel(), customer.recipient(), customer.key(), language,
                ConversationState.BOT, 0, 0, null, null, null, null, now, now, null, null, null);
    }

    /** Moves to the decided state and keeps the counters that later guards depend on. */
    void apply(ConversationEvent event, Decision decision, Instant now) {
        if (!decision.accepted()) {
            throw new IllegalArgumentException("Cannot apply a denied decision");
        }
        switch (event) {
            case NOT_HELPED -> notHelpedCount++;
            case ASKED_FOR_PERSON -> notHelpedCount = 0;
            default -> { }
        }
        if (decision.target() == ConversationState.QUEUED && state != ConversationState.QUEUED) {
            queuedAt = now;
        }
        state = decision.target();
        eventsApplied++;
        updatedAt = now;
        if (state == ConversationState.CLOSED) {
            closedAt = now;
            openKey = null;
        }
    }

    /** A new question: the answer given to the previous one no longer collects verdicts. */
    void rememberQuestion(String question) {
        lastQuestion = question;
        answersGiven = null;
        notHelpedCount = 0;
    }

    void rememberAnswer(String articleId) {
        answersGiven = answersGiven == null ? articleId : answersGiven + " " + articleId;
    }

    void rate(int score) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("A rating is 1 to 5, not " + score);
        }
        rating = score;
    }

    void comment(String text) {
        ratingComment = text;
    }

    void speak(Language newLanguage) {
        language = newLanguage;
    }

    ConversationId id() {
        return new ConversationId(id);
    }

    ChannelAddress customer() {
        return new ChannelAddress(channel, recipient);
    }

    Language language() {
        return language;
    }

    ConversationState state() {
        return state;
    }

    Optional<Instant> queuedAt() {
        return Optional.ofNullable(queuedAt);
    }

    int notHelpedCount() {
        return notHelpedCount;
    }

    int eventsApplied() {
        return eventsApplied;
    }

    Optional<String> lastQuestion() {
        return Optional.ofNullable(lastQuestion);
    }

    Optional<String> lastAnswerId() {
        List<String> given = answersGiven();
        return given.isEmpty() ? Optional.empty() : Optional.of(given.getLast());
    }

    List<String> answersGiven() {
        return answersGiven == null ? List.of() : List.of(answersGiven.split(" "));
    }

    ConversationSummary summary() {
        return new ConversationSummary(id(), customer(), language, state, Optional.ofNullable(rating),
                Optional.ofNullable(ratingComment), createdAt, updatedAt, Optional.ofNullable(closedAt));
    }
}
