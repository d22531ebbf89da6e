package io.dastyar.conversation;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.Interpretation.Respond;
import io.dastyar.conversation.channel.Inbound.Button;
import io.dastyar.conversation.channel.Inbound.Content;
import io.dastyar.conversation.channel.Inbound.Media;
import io.dastyar.conversation.channel.Inbound.Text;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.system.Language;

/**
 * Turns buttons, commands and free text into state-machine events, depending on what the bot last asked. In
 * self-service, text that asks for a person ({@link PersonRequests}) is the same as the "Talk to a person" button.
 */
@Component
class InboundInterpreter {

    private static final Map<String, ConversationEvent> BUTTONS = Map.of(
            QuickReply.HELPED, ConversationEvent.HELPED,
            QuickReply.NOT_HELPED, ConversationEvent.NOT_HELPED,
            QuickReply.PERSON, ConversationEvent.ASKED_FOR_PERSON,
            QuickReply.END, ConversationEvent.ENDED,
            QuickReply.SKIP_COMMENT, ConversationEvent.COMMENT_SKIPPED,
            QuickReply.SKIP_NPS, ConversationEvent.NPS_SKIPPED);

    private static final Map<String, ConversationEvent> COMMANDS = Map.of(
            "/person", ConversationEvent.ASKED_FOR_PERSON,
            "/agent", ConversationEvent.ASKED_FOR_PERSON,
            "/end", ConversationEvent.ENDED);

    private final PersonRequests personRequests;

    InboundInterpreter(PersonRequests personRequests) {
        this.personRequests = personRequests;
    }

    /** As {@link #interpret(ConversationState, Content, Language)}, trying every language's person requests alike. */
    Interpretation interpret(ConversationState state, Content content) {
        return interpret(state, content, null);
    }

    /** @param language the conversation's language, whose person requests are tried first */
    Interpretation interpret(ConversationState state, Content content, @Nullable Language language) {
        return switch (content) {
            case Button button -> button(button.payload());
            case Text text -> text(state, text.text().strip(), language);
            case Media media -> media(state, media, language);
        };
    }

    /**
     * A photo, file or location: the bot reads only text, so in self-service the customer hears so (and is offered a
     * person); waiting for or with a person, it is a message for them; in the survey its caption is read as text
     * would be, and without one the customer is asked to answer in words.
     */
    private Interpretation media(ConversationState state, Media media, @Nullable Language language) {
        return switch (state) {
            case BOT, AWAITING_FEEDBACK -> new Respond("bot.text-only");
            case QUEUED, WITH_AGENT -> new Trigger.Message(media.transcriptText());
            default -> media.caption().map(caption -> text(state, caption.strip(), language))
                    .orElseGet(() -> new Respond("bot.answer-in-text"));
        };
    }

    private Interpretation button(String payload) {
        if (payload.startsWith(QuickReply.RATE_PREFIX)) {
            return rating(payload.substring(QuickReply.RATE_PREFIX.length()));
        }
        if (payload.startsWith(QuickReply.NPS_PREFIX)) {
            return nps(payload.substring(QuickReply.NPS_PREFIX.length()));
        }
        if (payload.startsWith(QuickReply.REASON_PREFIX)) {
            return new Trigger.Reason(payload.substring(QuickReply.REASON_PREFIX.length()));
        }
        if (payload.startsWith(QuickReply.CHOOSE_PREFIX)) {
            return new Trigger.ChosenArticle(payload.substring(QuickReply.CHOOSE_PREFIX.length()));
        }
        ConversationEvent event = BUTTONS.get(payload);
        return event == null ? new Respond("bot.stale-action") : Trigger.of(event);
    }

    private Interpretation text(ConversationState state, String text, @Nullable Language language) {
        if (text.startsWith("/")) {
            String command = text.split("\\s+", 2)[0].toLowerCase();
            if (command.equals("/start")) {
                return new Respond("bot.greeting");
            }
            ConversationEvent event = COMMANDS.get(command);
            return event == null ? new Respond("bot.unknown-command") : Trigger.of(event);
        }
        return switch (state) {
            case BOT, AWAITING_FEEDBACK -> personRequests.isRequest(text, language)
                    ? Trigger.of(ConversationEvent.ASKED_FOR_PERSON) : new Trigger.Message(text);
            case AWAITING_RATING -> isNumber(text) ? rating(text) : new Trigger.Message(text);
            case AWAITING_COMMENT -> new Trigger.Comment(text);
            case AWAITING_NPS -> isNumber(text) ? nps(text) : new Trigger.Message(text);
            default -> new Trigger.Message(text);
        };
    }

    private static Interpretation rating(String value) {
        int score = number(value);
        return score >= 1 && score <= 5 ? new Trigger.Rating(score) : new Respond("bot.rating-invalid");
    }

    private static Interpretation nps(String value) {
        int score = number(value);
        return score >= 0 && score <= 10 ? new Trigger.Nps(score) : new Respond("bot.nps-invalid");
    }

    /** A number of one or two digits, or -1. Character.digit reads Persian (۴) and Arabic-Indic (٤) digits too. */
    private static int number(String value) {
        String digits = value.strip();
        if (!isNumber(digits) || digits.length() > 2) {
            return -1;
        }
        return digits.codePoints().reduce(0, (number, digit) -> number * 10 + Character.digit(digit, 10));
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.codePoints().allMatch(Character::isDigit);
    }
}
