package io.dastyar.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.Interpretation.Respond;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Receipt.Outcome;
import io.dastyar.system.Language;

/**
 * Takes customers' messages: drops what is empty, answers a repeat with its first receipt, ranks a question
 * before the transaction begins, then, in one transaction, stores the message in the transcript, works out
 * what it means and hands that to {@link Steps}.
 */
@Component
class CustomerMessages {

    private static final Logger log = LoggerFactory.getLogger(CustomerMessages.class);

    private final ConversationRepository conversations;
    private final Transcript transcript;
    private final InboundInterpreter interpreter;
    private final SelfService selfService;
    private final Steps steps;
    private final LateRatings lateRatings;
    private final Channels channels;
    private final ConversationProperties properties;
    private final ConversationTransactions transactions;
    private final Clock clock;

    CustomerMessages(ConversationRepository conversations, Transcript transcript, InboundInterpreter interpreter,
                     SelfService selfService, Steps steps, LateRatings lateRatings, Channels channels,
                     ConversationProperties properties, ConversationTransactions transactions, Clock clock) {
        this.conversations = conversations;
        this.transcript = transcript;
        this.interpreter = interpreter;
        this.selfService = selfService;
        this.steps = steps;
        this.lateRatings = lateRatings;
        this.channels = channels;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    Receipt receive(Inbound inbound) {
        if (inbound.content() instanceof Text text && text.isEmpty()) {
            return new Receipt(conversations.findByOpenKey(inbound.from().key()).map(Conversation::id), Outcome.IGNORED);
        }
        // A repeat is answered at once, without ranking it again (the transaction checks once more).
        Optional<Transcript.Stored> seen = transcript.inbound(inboundKey(inbound));
        if (seen.isPresent()) {
            return duplicate(seen.get());
        }
        SelfService.LookAhead lookAhead = selfService.lookAhead(inbound,
                conversations.findByOpenKey(inbound.from().key()));
        return transactions.run(() -> receiveOnce(inbound, lookAhead));
    }

    private Receipt receiveOnce(Inbound inbound, SelfService.LookAhead lookAhead) {
        String inboundKey = inboundKey(inbound);
        Optional<Transcript.Stored> seen = transcript.inbound(inboundKey);
        if (seen.isPresent()) {
            return duplicate(seen.get());
        }
        Instant now = clock.instant();
        Language language = inbound.language().orElse(properties.defaultLanguage());
        Optional<Conversation> open = conversations.findByOpenKey(inbound.from().key());
        if (open.isEmpty()) {
            Optional<Receipt> rated = lateRatings.receive(inbound, inboundKey, now);
            if (rated.isPresent()) {
                return rated.get();
            }
        }
        Conversation conversation = open.orElseGet(() -> steps.open(inbound.from(), language, now));
        inbound.language().ifPresent(conversation::speak);
        try (var ignored = MDC.putCloseable("conversation", conversation.id().toString())) {
            String text = inbound.content().transcriptText();
            if (text.length() > properties.maxMessageLength()) {
                log.info("Refused a message of {} characters", text.length());
                steps.respond(conversation, now, "bot.too-long", properties.maxMessageLength());
                conversations.save(conversation);
                return new Receipt(Optional.of(conversation.id()), Outcome.REFUSED);
            }
            long line = transcript.appendInbound(conversation.id(), inbound.content(), inbound.clientMessageId(),
                    inboundKey, now);
            switch (interpreter.interpret(conversation.state(), pressedByNumber(conversation, inbound.content()),
                    conversation.language())) {
                case Respond respond -> steps.respond(conversation, now, respond.messageKey());
                case Trigger trigger -> steps.take(conversation, trigger, now, lookAhead);
            }
            conversations.save(conversation);
            return new Receipt(Optional.of(conversation.id()), Outcome.ACCEPTED, Optional.of(line));
        }
    }

    /**
     * On a channel without buttons, "2" means the second button of the latest reply, when it had one; but where the
     * question is "0 to 10?" the number is the answer itself.
     */
    private Inbound.Content pressedByNumber(Conversation conversation, Inbound.Content content) {
        if (!(content instanceof Text text) || channels.drawsButtons(conversation.customer().channel())
                || conversation.state() == ConversationState.AWAITING_NPS) {
            return content;
        }
        String typed = text.text().strip();
        if (typed.isEmpty() || typed.length() > 2 || !typed.codePoints().allMatch(Character::isDigit)) {
            return content;
        }
        int number = typed.codePoints().reduce(0, (value, digit) -> value * 10 + Character.digit(digit, 10));
        List<QuickReply> offered = transcript.lastOffered(conversation.id());
        return number >= 1 && number <= offered.size() ? new Inbound.Button(offered.get(number - 1).payload()) : content;
    }

    private static String inboundKey(Inbound inbound) {
        return Transcript.inboundKey(inbound.from(), inbound.clientMessageId());
    }

    private static Receipt duplicate(Transcript.Stored stored) {
        return new Receipt(Optional.of(stored.conversation()), Outcome.DUPLICATE, Optional.of(stored.line()));
    }
}
