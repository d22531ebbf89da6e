package io.dastyar.conversation;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.answer.Answer;
import io.dastyar.conversation.answer.AnswerSource;
import io.dastyar.conversation.answer.Candidates;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.system.Language;

/**
 * The bot's side of a self-service step, worked out before the state machine decides: which answers are on
 * the table, which one would be given, and the facts the guards need.
 */
@Component
class SelfService {

    /** What a self-service step may say: the answer it would give, or the choices it would offer. */
    record Prepared(Facts facts, Optional<Answer> answer, List<Answer> choices) {
        static final Prepared NOTHING = new Prepared(Facts.NONE, Optional.empty(), List.of());
    }

    /**
     * Candidates found before the conversation's transaction: ranking by meaning takes milliseconds of CPU,
     * which should not be spent holding a database connection and row. Used when the question and language
     * turn out to be the ones the step asks about.
     */
    record LookAhead(@Nullable String question, @Nullable Language language, Candidates candidates) {
        static final LookAhead NONE = new LookAhead(null, null, Candidates.NONE);
    }

    private final ObjectProvider<AnswerSource> answerSource;
    private final ConversationProperties properties;
    private final PersonRequests personRequests;

    SelfService(ObjectProvider<AnswerSource> answerSource, ConversationProperties properties,
                PersonRequests personRequests) {
        this.answerSource = answerSource;
        this.properties = properties;
        this.personRequests = personRequests;
    }

    /**
     * Ranks a typed question for the customer's open conversation (if any) before its transaction begins; not a
     * request for a person, which the interpreter hands off without an answer.
     */
    LookAhead lookAhead(Inbound inbound, Optional<Conversation> open) {
        if (!(inbound.content() instanceof Inbound.Text text) || text.isEmpty() || text.text().startsWith("/")
                || text.text().length() > properties.maxMessageLength()
                || open.map(c -> !inSelfService(c)).orElse(false)) {
            return LookAhead.NONE;
        }
        Language language = inbound.language().or(() -> open.map(Conversation::language))
                .orElse(properties.defaultLanguage());
        String question = text.text().strip(); // as the interpreter hands it on
        if (personRequests.isRequest(question, language)) {
            return LookAhead.NONE;
        }
        AnswerSource source = answerSource.getIfAvailable();
        return source == null ? LookAhead.NONE
                : new LookAhead(question, language, source.confidentAnswers(question, language));
    }

    Prepared prepare(Conversation conversation, Trigger trigger, LookAhead lookAhead) {
        if (!inSelfService(conversation)) {
            return Prepared.NOTHING;
        }
        return switch (trigger) {
            case Trigger.Message message -> question(message.text().equals(lookAhead.question())
                    && conversation.language() == lookAhead.language() ? lookAhead.candidates()
                    : candidates(Optional.of(message.text()), conversation), conversation);
            case Trigger.Signal signal when signal.event() == ConversationEvent.NOT_HELPED -> nextCandidate(conversation);
            case Trigger.ChosenArticle chosen -> chosen(conversation, chosen.articleId());
            default -> Prepared.NOTHING;
        };
    }

    private static boolean inSelfService(Conversation conversation) {
        return conversation.state() == ConversationState.BOT || conversation.state() == ConversationState.AWAITING_FEEDBACK;
    }

    /** A question: its best answer, a close call, or none; {@code stuck} when none again, often enough in a row. */
    private Prepared question(Candidates candidates, Conversation conversation) {
        List<Answer> answers = candidates.answers();
        Optional<Answer> best = answers.stream().findFirst();
        boolean closeCall = candidates.closeCall() && answers.size() > 1;
        boolean stuck = conversation.unansweredInARow() + 1 >= properties.unansweredBeforeOfferingPerson();
        return new Prepared(new Facts(best.isPresent(), closeCall, false, false, stuck), best,
                closeCall ? answers : List.of());
    }

    /** After "not helped": the best answer not given yet, unless the customer has said no often enough. */
    private Prepared nextCandidate(Conversation conversation) {
        List<String> given = conversation.answersGiven();
        Optional<Answer> next = candidates(conversation.lastQuestion(), conversation).answers().stream()
                .filter(answer -> !given.contains(answer.articleId()))
                .findFirst();
        boolean givingUp = conversation.notHelpedCount() + 1 >= properties.notHelpedBeforeOfferingPerson();
        return new Prepared(new Facts(false, false, next.isPresent(), givingUp), next, List.of());
    }

    /** A "Did you mean …?" choice: the chosen article, if it is still among the answers to that question. */
    private Prepared chosen(Conversation conversation, String articleId) {
        Optional<Answer> answer = candidates(conversation.lastQuestion(), conversation).answers().stream()
                .filter(candidate -> candidate.articleId().equals(articleId))
                .findFirst();
        return new Prepared(new Facts(answer.isPresent(), false, false, false), answer, List.of());
    }

    private Candidates candidates(Optional<String> question, Conversation conversation) {
        AnswerSource source = answerSource.getIfAvailable();
        if (source == null || question.isEmpty()) {
            return Candidates.NONE;
        }
        return source.confidentAnswers(question.get(), conversation.language());
    }
}
