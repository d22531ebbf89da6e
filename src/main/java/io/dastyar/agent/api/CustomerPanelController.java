package io.dastyar.agent.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.dastyar.agent.StaffRoles;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.handoff.Handoff;
import io.dastyar.handoff.Handoff.Outcome;

/**
 * The customer panel of a chat (docs/agent-api.md): who the customer is as far as we know, their earlier
 * conversations on the same channel with their topics, the articles they were shown and their CSAT, and the bot's
 * part of this conversation. Readable by whoever may read the chat: its holder, a supervisor, an admin.
 */
@RestController
class CustomerPanelController {

    static final int PAST_SHOWN = 10;
    /** A pressed button is stored as "[payload]": no topic. */
    private static final Pattern BUTTON = Pattern.compile("^\\[[\\w:-]+]$");

    /** An article the bot offered: its id, title (unknown for answers from before titles were kept) and score. */
    record Article(String id, @Nullable String title, @Nullable Double score) {
    }

    record BotTurn(String question, @Nullable Article article, @Nullable String verdict, Instant at) {
    }

    record Past(String conversation, Instant startedAt, @Nullable Instant closedAt, String state,
                @Nullable String topic, List<Article> articles, @Nullable Integer csat, @Nullable String csatComment) {
    }

    /**
     * @param timeZone the customer's IANA time zone when their channel tells it; null when it does not (neither the
     *                 web widget nor Telegram sends one), and the console then says the local time is unknown
     */
    record CustomerView(String conversation, String channel, String language, @Nullable String timeZone,
                        List<Past> past, List<BotTurn> botPart) {
    }

    private final Conversations conversations;
    private final Handoff handoff;
    private final BotTurns botTurns;
    private final Satisfaction satisfaction;

    CustomerPanelController(Conversations conversations, Handoff handoff, BotTurns botTurns,
                            Satisfaction satisfaction) {
        this.conversations = conversations;
        this.handoff = handoff;
        this.botTurns = botTurns;
        this.satisfaction = satisfaction;
    }

    @GetMapping("/api/agent/conversations/{id}/customer")
    CustomerView customer(@PathVariable String id, Authentication user) {
        ConversationId conversation = AgentApiController.parse(id);
        ConversationSummary summary = conversations.find(conversation)
                .orElseThrow(AgentApiProblem::unknownConversation);
        if (!handoff.holds(user.getName(), conversation) && !StaffRoles.supervises(user)) {
            throw AgentApiProblem.of(Outcome.NOT_YOURS);
        }
        List<Past> past = conversations.history(summary.customer(), PAST_SHOWN + 1).stream()
                .filter(earlier -> !earlier.id().equals(conversation)).limit(PAST_SHOWN).map(this::past).toList();
        List<BotTurn> botPart = botTurns.of(conversation).stream().map(CustomerPanelController::turn).toList();
        return new CustomerView(conversation.toString(), summary.customer().channel(), summary.language().tag(), null,
                past, botPart);
    }

    private Past past(ConversationSummary earlier) {
        List<BotTurns.Turn> turns = botTurns.of(earlier.id());
        var articles = new LinkedHashMap<String, Article>();
        turns.stream().filter(turn -> turn.articleId() != null)
                .forEach(turn -> articles.putIfAbsent(turn.articleId(), article(turn)));
        String topic = turns.isEmpty() ? firstCustomerLine(earlier.id()) : turns.getFirst().question();
        var rating = satisfaction.of(earlier);
        return new Past(earlier.id().toString(), earlier.startedAt(), earlier.closedAt().orElse(null),
                earlier.state().name(), topic, List.copyOf(articles.values()),
                rating.map(Satisfaction.Rating::score).orElse(null),
                rating.map(Satisfaction.Rating::comment).orElse(null));
    }

    /** What the customer first wrote, when the bot was never asked (a conversation that went straight to a person). */
    private @Nullable String firstCustomerLine(ConversationId conversation) {
        return conversations.transcript(conversation).stream()
                .filter(entry -> entry.author() == Author.CUSTOMER && !BUTTON.matcher(entry.text()).matches())
                .map(TranscriptEntry::text).findFirst().orElse(null);
    }

    private static BotTurn turn(BotTurns.Turn turn) {
        return new BotTurn(turn.question(), turn.articleId() == null ? null : article(turn), turn.verdict(), turn.at());
    }

    private static Article article(BotTurns.Turn turn) {
        return new Article(turn.articleId(), turn.articleTitle(), turn.score());
    }
}
