package io.dastyar.conversation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/**
 * One step of a conversation: the one place where an event becomes a decided transition and the transition
 * becomes its consequences. The bot's side is prepared, the state machine decides, the aggregate takes the
 * transition (and registers its domain events), the replies are posted and the inactivity timer starts afresh.
 * Those still waiting hear of a departure from the {@link QueueBoard}, after the commit. The caller runs it inside a transaction and saves the conversation, which
 * publishes the domain events.
 */
@Component
class Steps {

    private static final Logger log = LoggerFactory.getLogger(Steps.class);

    private final SelfService selfService;
    private final TransitionEngine engine;
    private final BotReplies replies;
    private final QueueNotices queueNotices;
    private final Outbox outbox;
    private final InactivityTimers timers;
    private final ConversationRepository conversations;
    private final SurveyPolicy survey;
    private final Clock clock;

    Steps(SelfService selfService, TransitionEngine engine, BotReplies replies, QueueNotices queueNotices, Outbox outbox,
          InactivityTimers timers, ConversationRepository conversations, Optional<SurveyPolicy> survey, Clock clock) {
        this.selfService = selfService;
        this.engine = engine;
        this.replies = replies;
        this.queueNotices = queueNotices;
        this.outbox = outbox;
        this.timers = timers;
        this.conversations = conversations;
        this.survey = survey.orElse(SurveyPolicy.DEFAULTS);
        this.clock = clock;
    }

    /** Loads a stored conversation, takes one step and saves it; the caller provides the transaction. */
    boolean takeAndSave(ConversationId id, Trigger trigger) {
        Conversation conversation = load(id);
        try (var ignored = MDC.putCloseable("conversation", id.toString())) {
            boolean accepted = take(conversation, trigger, clock.instant(), SelfService.LookAhead.NONE);
            conversations.save(conversation);
            return accepted;
        }
    }

    /**
     * Offers one event to the conversation's machine and carries out what it decides; the caller saves the
     * conversation.
     *
     * @return whether the machine accepted the event
     */
    boolean take(Conversation conversation, Trigger trigger, Instant now, SelfService.LookAhead lookAhead) {
        SelfService.Prepared prepared = selfService.prepare(conversation, trigger, lookAhead);
        ConversationState from = conversation.state();
        Facts facts = prepared.facts().withSurvey(conversation.ratingReprompted(), conversation.ratingReminded(),
                from == ConversationState.AWAITING_COMMENT && survey.asksNps(conversation.id()));
        Decision decision = engine.decide(from, trigger.event(), facts);
        if (!decision.accepted()) {
            log.debug("{} not accepted in {}", trigger.event(), from);
            if (trigger.event().origin() == ConversationEvent.Origin.CUSTOMER) {
                respond(conversation, now, "bot.stale-action");
            }
            return false;
        }
        log.info("{} {} -> {}", trigger.event(), from, decision.target());
        conversation.take(trigger, decision, prepared.answer(), now);

        var toPost = new ArrayList<>(replies.compose(decision.effects(), conversation.language(), prepared, trigger));
        if (conversation.state() == ConversationState.QUEUED) {
            toPost.add(queueNotices.statusOf(conversation, now));
        }
        outbox.post(conversation, toPost, now);
        timers.restart(conversation, now);
        return true;
    }

    /**
     * An agent's message: posted while the conversation is with an agent, and it keeps the conversation from
     * timing out. It changes no state, so the machine is not asked.
     */
    OptionalLong postFromAgent(ConversationId id, Reply reply) {
        Conversation conversation = load(id);
        if (conversation.state() != ConversationState.WITH_AGENT) {
            return OptionalLong.empty();
        }
        Instant now = clock.instant();
        long line = outbox.post(conversation, List.of(reply), now).getFirst();
        timers.restart(conversation, now);
        // Saved only for its version: a transition that raced this message makes one of the two run again.
        conversations.save(conversation);
        return OptionalLong.of(line);
    }

    /** A direct answer that changes nothing in the conversation: greetings, unknown commands, bad input. */
    void respond(Conversation conversation, Instant now, String messageKey, Object... arguments) {
        outbox.post(conversation, List.of(replies.respond(messageKey, conversation.language(), arguments)), now);
    }

    private Conversation load(ConversationId id) {
        return conversations.findById(id.value()).orElseThrow(() -> new IllegalArgumentException("No conversation " + id));
    }

    /** A new conversation for a customer; even one that only ever says "/start" times out into the CSAT question. */
    Conversation open(ChannelAddress customer, Language language, Instant now) {
        Conversation opened = conversations.save(Conversation.open(customer, language, now));
        timers.restart(opened, now);
        return opened;
    }
}
