package io.dastyar.conversation;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.Interpretation.Fire;

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

    private final ObjectProvider<AnswerSource> answerSource;
    private final ConversationProperties properties;

    SelfService(ObjectProvider<AnswerSource> answerSource, ConversationProperties properties) {
        this.answerSource = answerSource;
        this.properties = properties;
    }

    Prepared prepare(Conversation conversation, Fire fire) {
        boolean selfService = conversation.state() == ConversationState.BOT
                || conversation.state() == ConversationState.AWAITING_FEEDBACK;
        if (!selfService) {
            return Prepared.NOTHING;
        }
        return switch (fire.event()) {
            case MESSAGE -> question(candidates(Optional.of(fire.text()), conversation));
            case NOT_HELPED -> nextCandidate(conversation);
            case CHOSE_ANSWER -> chosen(conversation, fire.text());
            default -> Prepared.NOTHING;
        };
    }

    private Prepared question(Candidates candidates) {
        List<Answer> answers = candidates.answers();
        Optional<Answer> best = answers.stream().findFirst();
        boolean closeCall = candidates.closeCall() && answers.size() > 1;
        return new Prepared(new Facts(best.isPresent(), closeCall, false, false), best,
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
