package io.dastyar.channel.telegram;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.message.Message;

import io.dastyar.channel.telegram.OutboundStore.Kind;
import io.dastyar.channel.telegram.OutboundStore.Outgoing;
import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.system.Language;

/**
 * What one update means, in the transaction that marks it processed: a customer's text or command, a button
 * pressed, or a message in a group. Whatever must reach Telegram is queued in the same transaction; only the answer
 * to a callback query, which nothing waits on, is returned to be sent after the commit.
 */
@Component
@TelegramOn
class UpdateHandler {

    /** Sent after the commit: answers to callback queries, so the button stops spinning. */
    record CallbackAnswer(String callbackId, @Nullable String text) {
    }

    private final Conversations conversations;
    private final TelegramChats chats;
    private final OutboundStore outbound;
    private final TelegramTexts texts;
    private final ButtonPresses buttons;

    UpdateHandler(Conversations conversations, TelegramChats chats, OutboundStore outbound, TelegramTexts texts,
                  ButtonPresses buttons) {
        this.conversations = conversations;
        this.chats = chats;
        this.outbound = outbound;
        this.texts = texts;
        this.buttons = buttons;
    }

    Optional<CallbackAnswer> handle(long updateId, Update update, Instant now) {
        if (update.hasCallbackQuery()) {
            CallbackQuery query = update.getCallbackQuery();
            return Optional.of(buttons.pressed(updateId, query, now));
        }
        if (update.hasMessage()) {
            message(update.getMessage(), now);
        }
        if (update.hasEditedMessage()) {
            edited(update.getEditedMessage());
        }
        // Channel posts and the rest are left to a later version of the channel.
        return Optional.empty();
    }

    private void message(Message message, Instant now) {
        long chat = message.getChatId();
        if (!message.getChat().isUserChat()) {
            // Groups are not served: support is one customer's private matter (docs/telegram.md). Said once.
            if (chats.firstTimeInGroup(chat)) {
                Language language = TelegramTexts.spoken(message.getFrom()).orElse(Language.EN);
                outbound.enqueue(Outgoing.local(chat, Kind.SEND, TelegramHtml.escape(texts.text(language,
                        "telegram.group-notice")), null, null), now);
            }
            return;
        }
        if (!message.hasText()) {
            media(message);
            return;
        }
        chats.markReachable(chat);
        Language language = texts.languageOf(chat, message.getFrom());
        String text = message.getText();
        Inbound.Content content = switch (command(text)) {
            case "/help" -> {
                outbound.enqueue(Outgoing.local(chat, Kind.SEND, TelegramHtml.escape(texts.text(language,
                        "telegram.help")), null, null), now);
                yield null;
            }
            case "/language" -> {
                String question = TelegramHtml.escape(texts.text(language, "telegram.language-choose"));
                long keyboard = buttons.languageKeyboard(chat, question);
                outbound.enqueue(Outgoing.local(chat, Kind.SEND, question, keyboard, null), now);
                yield null;
            }
            case "/subscribe", "/unsubscribe" -> {
                subscription(chat, command(text).equals("/subscribe"), language, now);
                yield null;
            }
            case "/human" -> new Inbound.Text("/person");
            case "" -> new Inbound.Text(text);
            // The conversation reads /start and /end; "/end@SupportBot" is /end too.
            default -> new Inbound.Text(command(text) + text.strip().substring(text.strip().split("\\s+", 2)[0].length()));
        };
        if (content != null) {
            conversations.receive(new Inbound(address(chat), clientMessageId(message), content, Optional.of(language)));
        }
    }

    /** Proactive notices ({@link TelegramNotices}) go to those who opted in, in the language they read. */
    private void subscription(long chat, boolean subscribe, Language language, Instant now) {
        if (subscribe) {
            chats.subscribe(chat, language, now);
        } else {
            chats.unsubscribe(chat);
        }
        outbound.enqueue(Outgoing.local(chat, Kind.SEND, TelegramHtml.escape(texts.text(language,
                subscribe ? "telegram.subscribed" : "telegram.unsubscribed")), null, null), now);
    }

    /** A photo, file or location: the conversation decides what the bot says to it, or passes it to the agent. */
    private void media(Message message) {
        TelegramMedia.of(message).ifPresent(media -> {
            long chat = message.getChatId();
            chats.markReachable(chat);
            conversations.receive(new Inbound(address(chat), clientMessageId(message), media,
                    Optional.of(texts.languageOf(chat, message.getFrom()))));
        });
    }

    /** The customer changed a message's text or caption: its transcript line takes it, and the bot says nothing. */
    private void edited(Message message) {
        if (message.getChat().isUserChat()) {
            TelegramMedia.editedText(message).ifPresent(text ->
                    conversations.edit(address(message.getChatId()), clientMessageId(message), text));
        }
    }

    /**
     * A message's id in its chat, not the update's: an edit comes in a later update of its own and names the message
     * it changes. The "m" keeps it apart from button presses, which have no message of their own and use the update id.
     */
    static String clientMessageId(Message message) {
        return "m" + message.getMessageId();
    }

    /** "/start@SupportBot now" is the command /start; anything else is no command here. */
    static String command(String text) {
        String stripped = text.strip();
        if (!stripped.startsWith("/")) {
            return "";
        }
        String word = stripped.split("\\s+", 2)[0];
        int at = word.indexOf('@');
        return (at < 0 ? word : word.substring(0, at)).toLowerCase(Locale.ROOT);
    }

    static ChannelAddress address(long chat) {
        return new ChannelAddress(TelegramChannel.NAME, String.valueOf(chat));
    }
}
