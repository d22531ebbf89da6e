package io.dastyar.conversation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Receipt.Outcome;

/**
 * A rating button pressed after the conversation closed (an old Telegram button, the widget's buttons under "closed
 * without a rating"): it rates that conversation, within the survey's late window, and never starts a new one.
 */
@Component
class LateRatings {

    private final ConversationRepository conversations;
    private final Transcript transcript;
    private final InboundInterpreter interpreter;
    private final Steps steps;
    private final SurveyPolicy survey;

    LateRatings(ConversationRepository conversations, Transcript transcript, InboundInterpreter interpreter, Steps steps,
                Optional<SurveyPolicy> survey) {
        this.conversations = conversations;
        this.transcript = transcript;
        this.interpreter = interpreter;
        this.steps = steps;
        this.survey = survey.orElse(SurveyPolicy.DEFAULTS);
    }

    /**
     * Takes a rating button of a customer who has no open conversation, for their latest, closed one; empty when it
     * is no rating button or there is no such conversation. Runs in the caller's transaction.
     */
    Optional<Receipt> receive(Inbound inbound, String inboundKey, Instant now) {
        if (!(inbound.content() instanceof Inbound.Button button) || !button.payload().startsWith(QuickReply.RATE_PREFIX)) {
            return Optional.empty();
        }
        Optional<Conversation> closed = conversations.findFirstByChannelAndRecipientOrderByCreatedAtDesc(
                inbound.from().channel(), inbound.from().recipient()).filter(c -> c.state() == ConversationState.CLOSED);
        if (closed.isEmpty()) {
            return Optional.empty();
        }
        Conversation conversation = closed.get();
        long line = transcript.appendInbound(conversation.id(), button, inbound.clientMessageId(),
                inboundKey, now);
        boolean inTime = conversation.closedAt().map(at -> !now.isAfter(at.plus(survey.lateWindow()))).orElse(false);
        switch (interpreter.interpret(ConversationState.CLOSED, button)) {
            case Trigger.Rating rating when inTime -> {
                conversation.rateAfterClosing(rating.score(), now);
                steps.respond(conversation, now, "bot.rated-after-closing");
            }
            case Trigger.Rating ignored -> steps.respond(conversation, now, "bot.rating-too-late");
            default -> steps.respond(conversation, now, "bot.rating-invalid");
        }
        conversations.save(conversation);
        return Optional.of(new Receipt(Optional.of(conversation.id()), Outcome.ACCEPTED, Optional.of(line)));
    }
}
