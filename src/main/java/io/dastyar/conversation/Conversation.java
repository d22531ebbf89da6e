package io.dastyar.conversation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.answer.AnswerFeedback;
import io.dastyar.conversation.answer.AnswerFeedback.Verdict;
import io.dastyar.conversation.answer.QuestionAsked;
import io.dastyar.system.Language;

/**
 * The conversation aggregate: its state and the little it must remember between events. The transcript
 * is not part of it; it is appended to on its own, never re-saved with this row. {@code version} gives
 * optimistic locking: two events applied at once cannot both win.
 */
@Table("conversation")
class Conversation extends AbstractAggregateRoot<Conversation> {

    @Id
    private final UUID id;
    private final String channel;
    private final String recipient;
    private @Nullable String openKey;
    private Language language;
    private ConversationState state;
    private int notHelpedCount;
    /** Questions in a row the bot had no answer to. */
    private int unansweredInARow;
    private int eventsApplied;
    private @Nullable String lastQuestion;
    /** The articles given for the current question, oldest first, separated by spaces (ids have none). */
    private @Nullable String answersGiven;
    private @Nullable Integer rating;
    private @Nullable String ratingComment;
    /** The rating question was asked again after text that was no rating: next time the text is the comment. */
    private boolean ratingReprompted;
    /** The one reminder of the rating question was sent. */
    private boolean ratingReminded;
    private final Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant closedAt;
    /** When it last joined the queue: its place in line. */
    private @Nullable Instant queuedAt;
    @Version
    private @Nullable Long version;

    @PersistenceCreator
    Conversation(UUID id, String channel, String recipient, @Nullable String openKey, Language language,
                 ConversationState state, int notHelpedCount, int unansweredInARow, int eventsApplied,
                 @Nullable String lastQuestion,
                 @Nullable String answersGiven, @Nullable Integer rating, @Nullable String ratingComment,
                 boolean ratingReprompted, boolean ratingReminded,
                 Instant createdAt, Instant updatedAt, @Nullable Instant closedAt, @Nullable Instant queuedAt,
                 @Nullable Long version) {
        this.id = id;
        this.channel = channel;
        this.recipient = recipient;
        this.openKey = openKey;
        this.language = language;
        this.state = state;
        this.notHelpedCount = notHelpedCount;
        this.unansweredInARow = unansweredInARow;
        this.eventsApplied = eventsApplied;
        this.lastQuestion = lastQuestion;
        this.answersGiven = answersGiven;
        this.rating = rating;
        this.ratingComment = ratingComment;
        this.ratingReprompted = ratingReprompted;
        this.ratingReminded = ratingReminded;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.closedAt = closedAt;
        this.queuedAt = queuedAt;
        this.version = version;
    }

    static Conversation open(ChannelAddress customer, Language language, Instant now) {
        return new Conversation(UUID.randomUUID(), customer.channel(), customer.recipient(), customer.key(), language,
                ConversationState.BOT, 0, 0, 0, null, null, null, null, false, false, now, now, null, null, null);
    }

    /**
     * Takes a transition the state machine decided: moves to its target, keeps what later events need (the
     * question asked, the articles given, the rating and comment, how far the survey got) and registers the domain
     * events it causes (the survey's answers among them),
     * which the repository publishes when this conversation is saved, inside the same transaction.
     *
     * @param answer the article the bot gives or offers in this step, if any
     */
    void take(Trigger trigger, Decision decision, Optional<Answer> answer, Instant now) {
        if (!decision.accepted()) {
            throw new IllegalArgumentException("Cannot take a denied decision");
        }
        registerKnowledgeSignals(trigger, decision, answer);
        List<Effect> effects = decision.effects();
        boolean answering = effects.contains(Effect.ANSWER) || effects.contains(Effect.OFFER_CHOICES);
        switch (trigger) {
            case Trigger.Message message when answering -> rememberQuestion(message.text());
            case Trigger.Message message when effects.contains(Effect.KEEP_AS_COMMENT) -> comment(message.text(), now);
            case Trigger.Rating rating -> {
                this.rating = rating.score();
                registerEvent(SurveyAnswered.rating(this, rating.score(), false, now));
            }
            case Trigger.Comment comment -> comment(comment.text(), now);
            case Trigger.Reason reason -> registerEvent(SurveyAnswered.reason(this, reason.code(), now));
            case Trigger.Nps nps -> registerEvent(SurveyAnswered.nps(this, nps.score(), now));
            case Trigger.Signal signal when signal.event() == ConversationEvent.NOT_HELPED -> notHelpedCount++;
            case Trigger.Signal signal when signal.event() == ConversationEvent.ASKED_FOR_PERSON -> {
                notHelpedCount = 0;
                unansweredInARow = 0;
            }
            default -> { }
        }
        if (unanswered(decision)) {
            unansweredInARow++;
        } else if (answering) {
            unansweredInARow = 0;
        }
        if (effects.contains(Effect.ANSWER) || effects.contains(Effect.OFFER_NEXT_CANDIDATE)) {
            answer.ifPresent(given -> rememberAnswer(given.articleId()));
        }
        // A customer who writes in another language than the conversation started in is answered in theirs.
        if (answering) {
            answer.ifPresent(given -> language = given.language());
        }
        ratingReprompted |= effects.contains(Effect.REPEAT_RATING_QUESTION);
        ratingReminded |= effects.contains(Effect.REMIND_RATING);
        ConversationState from = state;
        moveTo(decision.target(), now);
        registerEvent(new ConversationMoved(id(), customer(), language, trigger.event(), from, state, now));
    }

    /**
     * A rating for this conversation after it closed, from a rating button the customer still had: no transition
     * (a closed conversation stays closed), but the survey hears of it. Late when the conversation had closed
     * unrated; otherwise it replaces the rating given before.
     */
    void rateAfterClosing(int score, Instant now) {
        if (state != ConversationState.CLOSED) {
            throw new IllegalStateException("An open conversation is rated through its state machine");
        }
        boolean late = rating == null;
        rating = score;
        updatedAt = now;
        registerEvent(SurveyAnswered.rating(this, score, late, now));
    }

    private void comment(String text, Instant now) {
        ratingComment = text;
        registerEvent(SurveyAnswered.comment(this, text, now));
    }

    /**
     * What the knowledge base learns from self-service: the questions asked (answered or not) and the
     * customers' verdicts on the answers. Worked out before the conversation moves on.
     */
    private void registerKnowledgeSignals(Trigger trigger, Decision decision, Optional<Answer> answer) {
        if (state != ConversationState.BOT && state != ConversationState.AWAITING_FEEDBACK) {
            return;
        }
        switch (trigger) {
            case Trigger.Message message -> registerEvent(new QuestionAsked(id(),
                    answer.map(Answer::language).orElse(language), message.text(),
                    unanswered(decision) ? Optional.empty() : answer));
            case Trigger.Signal signal when signal.event() == ConversationEvent.HELPED -> verdict(Verdict.HELPED);
            case Trigger.Signal signal when signal.event() == ConversationEvent.NOT_HELPED -> verdict(Verdict.NOT_HELPED);
            case Trigger.Signal signal when signal.event() == ConversationEvent.ASKED_FOR_PERSON
                    && state == ConversationState.AWAITING_FEEDBACK -> verdict(Verdict.HANDED_OFF);
            default -> { }
        }
    }

    private void verdict(Verdict verdict) {
        lastAnswerId().ifPresent(article -> registerEvent(new AnswerFeedback(id(), language, article, verdict)));
    }

    private void moveTo(ConversationState target, Instant now) {
        if (target == ConversationState.QUEUED && state != ConversationState.QUEUED) {
            queuedAt = now;
        }
        state = target;
        eventsApplied++;
        updatedAt = now;
        if (state == ConversationState.CLOSED) {
            closedAt = now;
            openKey = null;
        }
    }

    /** A new question: the answer given to the previous one no longer collects verdicts. */
    private void rememberQuestion(String question) {
        lastQuestion = question;
        answersGiven = null;
        notHelpedCount = 0;
    }

    private void rememberAnswer(String articleId) {
        answersGiven = answersGiven == null ? articleId : answersGiven + " " + articleId;
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

    Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    boolean ratingReminded() {
        return ratingReminded;
    }

    boolean ratingReprompted() {
        return ratingReprompted;
    }

    Optional<Instant> queuedAt() {
        return Optional.ofNullable(queuedAt);
    }

    private static boolean unanswered(Decision decision) {
        return decision.effects().contains(Effect.SAY_NO_ANSWER)
                || decision.effects().contains(Effect.OFFER_PERSON_UNANSWERED);
    }

    int unansweredInARow() {
        return unansweredInARow;
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
