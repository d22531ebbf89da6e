package io.dastyar.conversation;

import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.AnswerFeedback.Verdict;

/**
 * Tells the knowledge base, through events, what customers asked and what they thought of the answers, so
 * it can list unanswered questions and learn where its confidence is wrong. Published inside the
 * conversation's transaction: the record is kept exactly when the conversation moves on.
 */
@Component
class KnowledgeSignals {

    private final ApplicationEventPublisher events;

    KnowledgeSignals(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Called for an accepted event, before the conversation has moved on. */
    void publish(Conversation conversation, Interpretation.Fire fire, Decision decision, Optional<Answer> answer) {
        boolean selfService = conversation.state() == ConversationState.BOT
                || conversation.state() == ConversationState.AWAITING_FEEDBACK;
        if (!selfService) {
            return;
        }
        switch (fire.event()) {
            case MESSAGE -> events.publishEvent(new QuestionAsked(conversation.id(),
                    answer.map(Answer::language).orElse(conversation.language()), fire.text(),
                    decision.effects().contains(Effect.SAY_NO_ANSWER) ? Optional.empty() : answer));
            case HELPED -> feedback(conversation, Verdict.HELPED);
            case NOT_HELPED -> feedback(conversation, Verdict.NOT_HELPED);
            case ASKED_FOR_PERSON -> {
                if (conversation.state() == ConversationState.AWAITING_FEEDBACK) {
                    feedback(conversation, Verdict.HANDED_OFF);
                }
            }
            default -> { }
        }
    }

    private void feedback(Conversation conversation, Verdict verdict) {
        conversation.lastAnswerId().ifPresent(article -> events.publishEvent(
                new AnswerFeedback(conversation.id(), conversation.language(), article, verdict)));
    }
}
