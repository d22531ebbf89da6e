package io.dastyar.channel.telegram;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.message.MaybeInaccessibleMessage;

import io.dastyar.channel.telegram.KeyboardStore.Keyboard;
import io.dastyar.channel.telegram.OutboundStore.Kind;
import io.dastyar.channel.telegram.OutboundStore.Outgoing;
import io.dastyar.channel.telegram.UpdateHandler.CallbackAnswer;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.ConversationSummary;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.system.Language;

/**
 * A pressed inline button. Only the chat's latest keyboard of its open conversation counts, once: its message is then
 * edited to show the choice, without buttons. Any other press is stale and gets a polite answer.
 */
@Component
@TelegramOn
class ButtonPresses {

    /** {@code k<keyboard id>.<position>}: at most 22 ASCII bytes, far below Telegram's 64. */
    private static final Pattern CALLBACK = Pattern.compile("k(\\d{1,19})\\.(\\d{1,2})");
    private static final String LANGUAGE = "language:";

    private final KeyboardStore keyboards;
    private final OutboundStore outbound;
    private final TelegramChats chats;
    private final Conversations conversations;
    private final TelegramTexts texts;

    ButtonPresses(KeyboardStore keyboards, OutboundStore outbound, TelegramChats chats, Conversations conversations,
                  TelegramTexts texts) {
        this.keyboards = keyboards;
        this.outbound = outbound;
        this.chats = chats;
        this.conversations = conversations;
        this.texts = texts;
    }

    static String callbackData(long keyboard, int position) {
        return "k" + keyboard + "." + position;
    }

    /** The /language keyboard: each language's name in itself. */
    long languageKeyboard(long chat, String question) {
        return keyboards.create(chat, null, question, Arrays.stream(Language.values())
                .map(language -> new KeyboardStore.Button(texts.text(language, "telegram.language-name." + language.tag()),
                        LANGUAGE + language.tag()))
                .toList());
    }

    CallbackAnswer pressed(long updateId, CallbackQuery query, Instant now) {
        MaybeInaccessibleMessage message = query.getMessage();
        long chat = message != null ? message.getChatId() : query.getFrom().getId();
        Language language = texts.languageOf(chat, query.getFrom());
        Matcher data = CALLBACK.matcher(query.getData() == null ? "" : query.getData());
        Optional<Keyboard> found = data.matches() ? keyboards.find(Long.parseLong(data.group(1))) : Optional.empty();
        int position = data.matches() ? Integer.parseInt(data.group(2)) : -1;
        if (found.isEmpty() || found.get().chat() != chat || position >= found.get().buttons().size()
                || isStale(found.get()) || !keyboards.use(found.get().id(), now)) {
            @Nullable Integer messageId = message == null ? null : message.getMessageId();
            if (messageId != null) {
                outbound.enqueue(Outgoing.local(chat, Kind.DROP_KEYBOARD, "", null, messageId), now);
            }
            return new CallbackAnswer(query.getId(), texts.text(language, "telegram.stale-button"));
        }
        Keyboard keyboard = found.get();
        KeyboardStore.Button button = keyboard.buttons().get(position);
        @Nullable Integer target = keyboard.messageId() != null ? keyboard.messageId()
                : message == null ? null : message.getMessageId();
        if (target != null) {
            String shown = keyboard.text() + "\n\n✓ " + TelegramHtml.escape(button.label());
            outbound.enqueue(Outgoing.local(chat, Kind.CHOICE, shown, null, target), now);
        }
        if (button.payload().startsWith(LANGUAGE)) {
            Language chosen = Language.fromTag(button.payload().substring(LANGUAGE.length())).orElse(Language.EN);
            chats.chooseLanguage(chat, chosen);
            outbound.enqueue(Outgoing.local(chat, Kind.SEND, TelegramHtml.escape(texts.text(chosen,
                    "telegram.language-chosen")), null, null), now);
        } else {
            conversations.receive(new Inbound(UpdateHandler.address(chat), String.valueOf(updateId),
                    new Inbound.Button(button.payload()), Optional.of(language)));
        }
        return new CallbackAnswer(query.getId(), null);
    }

    /**
     * A keyboard of a conversation counts while it is the newest one sent in the chat and its conversation is the
     * customer's latest and still open. The /language keyboard belongs to no conversation and counts until used.
     */
    private boolean isStale(Keyboard keyboard) {
        if (keyboard.used()) {
            return true;
        }
        if (keyboard.conversation() == null) {
            return false;
        }
        if (!keyboards.latestSent(keyboard.chat()).map(latest -> latest == keyboard.id()).orElse(false)) {
            return true;
        }
        ChannelAddress customer = UpdateHandler.address(keyboard.chat());
        Optional<ConversationSummary> latest = conversations.latest(customer);
        return latest.map(summary -> !summary.id().value().equals(keyboard.conversation())
                || summary.state() == ConversationState.CLOSED).orElse(true);
    }

    static List<String> allowedUpdates() {
        return List.of("message", "edited_message", "callback_query");
    }
}
