package io.dastyar.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.conversation.Inbound.Text;
import io.dastyar.conversation.Interpretation.Fire;
import io.dastyar.conversation.Interpretation.Respond;
import io.dastyar.conversation.Receipt.Outcome;
import io.dastyar.system.Language;

/**
 * Applies events to conversations. Each event runs in one transaction: append to the transcript, build a
 * machine for the stored state, decide, write the replies to the outbox, save the new state. A concurrent
 * update of the same conversation fails the optimistic lock and the whole step is retried on fresh data,
 * so no event is lost and events of one conversation are applied one after another.
 */
@Service
class Inbox implements Conversations {

    private static final Logger log = LoggerFactory.getLogger(Inbox.class);

    private final ConversationRepository conversations;
    private final Transcript transcript;
    private final Outgoing outgoing;
    private final InactivityTimers timers;
    private final TransitionEngine engine;
    private final InboundInterpreter interpreter;
    private final BotReplies replies;
    private final KnowledgeSignals signals;
    private final SelfService selfService;
    private final QueueNotices queueNotices;
    private final Channels channels;
    private final ConversationProperties properties;
    private final TransactionTemplate transactions;
    private final RetryTemplate retry;
    private final Clock clock;

    Inbox(ConversationRepository conversations, Transcript transcript, Outgoing outgoing, InactivityTimers timers,
          TransitionEngine engine, InboundInterpreter interpreter, BotReplies replies, KnowledgeSignals signals,
          SelfService selfService, QueueNotices queueNotices, Channels channels, ConversationProperties properties,
          TransactionTemplate transactions, RetryTemplate conversationRetry, Clock clock) {
        this.conversations = conversations;
        this.transcript = transcript;
        this.outgoing = outgoing;
        this.timers = timers;
        this.engine = engine;
        this.interpreter = interpreter;
        this.replies = replies;
        this.signals = signals;
        this.selfService = selfService;
        this.queueNotices = queueNotices;
        this.channels = channels;
        this.properties = properties;
        this.transactions = transactions;
        this.retry = conversationRetry;
        this.clock = clock;
    }

    @Override
    public Receipt receive(Inbound message) {
        // PostgreSQL cannot store NUL characters in text, and no customer means to send one.
        Inbound inbound = message.content() instanceof Text text && text.text().indexOf('\0') >= 0
                ? new Inbound(message.from(), message.clientMessageId(), new Text(text.text().replace("\0", "")),
                        message.language())
                : message;
        if (inbound.content() instanceof Text text && text.text().isBlank()) {
            return new Receipt(conversations.findByOpenKey(inbound.from().key()).map(Conversation::id), Outcome.IGNORED);
        }
        // A repeat is answered at once, without ranking it again (the transaction checks once more).
        Optional<Transcript.Stored> seen = transcript.inbound(inboundKey(inbound));
        if (seen.isPresent()) {
            return duplicate(seen.get());
        }
        SelfService.LookAhead lookAhead = selfService.lookAhead(inbound,
                conversations.findByOpenKey(inbound.from().key()));
        return atomically(() -> receiveOnce(inbound, lookAhead));
    }

    private static String inboundKey(Inbound inbound) {
        return inbound.from().key() + ":" + inbound.clientMessageId();
    }

    private static Receipt duplicate(Transcript.Stored stored) {
        return new Receipt(Optional.of(stored.conversation()), Outcome.DUPLICATE, Optional.of(stored.line()));
    }

    @Override
    public boolean fire(ConversationId id, ConversationEvent event) {
        if (event.origin() != ConversationEvent.Origin.AGENT && event.origin() != ConversationEvent.Origin.TIMER) {
            throw new IllegalArgumentException(event + " comes from the customer: use receive()");
        }
        return atomically(() -> applyAndSave(id, new Fire(event)));
    }

    @Override
    public boolean assign(ConversationId id, String agentName) {
        if (agentName == null || agentName.isBlank()) {
            throw new IllegalArgumentException("An assignment names the agent");
        }
        return atomically(() -> applyAndSave(id, new Fire(ConversationEvent.ASSIGNED, agentName.strip(), null)));
    }

    @Override
    public void showTyping(ConversationId id, Author who) {
        conversations.findById(id.value()).ifPresent(conversation -> channels.named(conversation.customer().channel())
                .ifPresent(channel -> channel.typing(conversation.customer().recipient(), id, who)));
    }

    @Override
    public Optional<ConversationSummary> latest(ChannelAddress customer) {
        return conversations.findFirstByChannelAndRecipientOrderByCreatedAtDesc(customer.channel(), customer.recipient())
                .map(Conversation::summary);
    }

    /** Fires the inactivity timeout, unless another instance already did or the conversation moved on. */
    void fireTimeout(InactivityTimers.Due due) {
        atomically(() -> timers.claim(due)
                && applyAndSave(due.conversation(), new Fire(ConversationEvent.INACTIVITY_TIMEOUT)));
    }

    @Override
    public Optional<ConversationSummary> find(ConversationId id) {
        return conversations.findById(id.value()).map(Conversation::summary);
    }

    @Override
    public List<ConversationSummary> inStates(Set<ConversationState> states) {
        return conversations.findByStateInOrderByUpdatedAt(states).stream().map(Conversation::summary).toList();
    }

    @Override
    public List<TranscriptEntry> transcript(ConversationId id) {
        return transcript.of(id);
    }

    @Override
    public int maxMessageLength() {
        return properties.maxMessageLength();
    }

    private Receipt receiveOnce(Inbound inbound, SelfService.LookAhead lookAhead) {
        String inboundKey = inboundKey(inbound);
        Optional<Transcript.Stored> seen = transcript.inbound(inboundKey);
        if (seen.isPresent()) {
            return duplicate(seen.get());
        }
        Instant now = clock.instant();
        Language language = inbound.language().orElse(properties.defaultLanguage());
        Conversation conversation = conversations.findByOpenKey(inbound.from().key()).orElseGet(() -> {
            Conversation opened = conversations.save(Conversation.open(inbound.from(), language, now));
            // Even a conversation that only ever says "/start" must time out into the CSAT question.
            timers.restart(opened.id(), opened.state(), now);
            return opened;
        });
        inbound.language().ifPresent(conversation::speak);
        try (var ignored = MDC.putCloseable("conversation", conversation.id().toString())) {
            String text = inbound.content().transcriptText();
            if (text.length() > properties.maxMessageLength()) {
                log.info("Refused a message of {} characters", text.length());
                send(conversation, List.of(replies.respond("bot.too-long", conversation.language(),
                        properties.maxMessageLength())), now);
                conversations.save(conversation);
                return new Receipt(Optional.of(conversation.id()), Outcome.REFUSED);
            }
            long line = transcript.appendInbound(conversation.id(), text, inbound.clientMessageId(), inboundKey, now);
            switch (interpreter.interpret(conversation.state(), pressedByNumber(conversation, inbound.content()))) {
                case Respond respond -> send(conversation, List.of(replies.respond(respond.messageKey(),
                        conversation.language())), now);
                case Fire fire -> apply(conversation, fire, now, lookAhead);
            }
            conversations.save(conversation);
            return new Receipt(Optional.of(conversation.id()), Outcome.ACCEPTED, Optional.of(line));
        }
    }

    /** On a channel without buttons, "2" means the second button of the latest reply, when it had one. */
    private Inbound.Content pressedByNumber(Conversation conversation, Inbound.Content content) {
        if (!(content instanceof Text text) || channels.drawsButtons(conversation.customer().channel())) {
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

    private boolean applyAndSave(ConversationId id, Fire fire) {
        Conversation conversation = load(id);
        try (var ignored = MDC.putCloseable("conversation", id.toString())) {
            boolean accepted = apply(conversation, fire, clock.instant(), SelfService.LookAhead.NONE);
            conversations.save(conversation);
            return accepted;
        }
    }

    /** Offers one event to the machine and carries out what it decides; the caller saves the conversation. */
    private boolean apply(Conversation conversation, Fire fire, Instant now, SelfService.LookAhead lookAhead) {
        SelfService.Prepared prepared = selfService.prepare(conversation, fire, lookAhead);
        Decision decision = engine.decide(conversation.state(), fire.event(), prepared.facts());
        if (!decision.accepted()) {
            log.debug("{} not accepted in {}", fire.event(), conversation.state());
            if (fire.event().origin() == ConversationEvent.Origin.CUSTOMER) {
                send(conversation, List.of(replies.respond("bot.stale-action", conversation.language())), now);
            }
            return false;
        }
        log.info("{} {} -> {}", fire.event(), conversation.state(), decision.target());
        signals.publish(conversation, fire, decision, prepared.answer());
        Optional<Instant> leftQueue = conversation.state() == ConversationState.QUEUED
                && decision.target() != ConversationState.QUEUED ? conversation.queuedAt() : Optional.empty();
        conversation.apply(fire.event(), decision, now);
        remember(conversation, fire, decision, prepared.answer());
        String agentName = fire.event() == ConversationEvent.ASSIGNED ? fire.text() : null;
        var toSend = new ArrayList<>(replies.compose(decision.effects(), conversation.language(), prepared, agentName));
        if (conversation.state() == ConversationState.QUEUED) {
            toSend.add(queueNotices.statusOf(conversation, now));
        }
        send(conversation, toSend, now);
        leftQueue.ifPresent(queuedAt -> queueNotices.moveUp(conversation.id(), queuedAt, now));
        timers.restart(conversation.id(), conversation.state(), now);
        return true;
    }

    /** What later events need to know: the question asked, the article given, the rating and comment. */
    private static void remember(Conversation conversation, Fire fire, Decision decision, Optional<Answer> answer) {
        List<Effect> effects = decision.effects();
        switch (fire.event()) {
            case MESSAGE -> {
                if (effects.contains(Effect.ANSWER) || effects.contains(Effect.OFFER_CHOICES)) {
                    conversation.rememberQuestion(fire.text());
                }
            }
            case RATING_GIVEN -> conversation.rate(fire.rating());
            case COMMENT_GIVEN -> conversation.comment(fire.text());
            default -> { }
        }
        if (effects.contains(Effect.ANSWER) || effects.contains(Effect.OFFER_NEXT_CANDIDATE)) {
            answer.ifPresent(given -> conversation.rememberAnswer(given.articleId()));
        }
        // A customer who writes in another language than the conversation started in is answered in theirs.
        if (effects.contains(Effect.ANSWER) || effects.contains(Effect.OFFER_CHOICES)) {
            answer.ifPresent(given -> conversation.speak(given.language()));
        }
    }

    private void send(Conversation conversation, List<Reply> toSend, Instant now) {
        outgoing.send(conversation, toSend, now);
    }

    private Conversation load(ConversationId id) {
        return conversations.findById(id.value())
                .orElseThrow(() -> new IllegalArgumentException("No conversation " + id));
    }

    private <T> T atomically(java.util.function.Supplier<T> step) {
        return retry.invoke(() -> transactions.execute(status -> step.get()));
    }
}
