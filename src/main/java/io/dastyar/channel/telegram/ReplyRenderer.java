package io.dastyar.channel.telegram;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.dastyar.channel.telegram.OutboundStore.Kind;
import io.dastyar.channel.telegram.OutboundStore.Outgoing;
import io.dastyar.conversation.Author;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Reply;

/**
 * Turns a reply into what is queued for Telegram: the text in HTML (articles from Markdown, an agent's message under
 * the agent's name), split where it is too long, and its buttons as an inline keyboard on the last part.
 */
@Component
@TelegramOn
class ReplyRenderer {

    private final KeyboardStore keyboards;

    ReplyRenderer(KeyboardStore keyboards) {
        this.keyboards = keyboards;
    }

    List<Outgoing> render(Delivery delivery) {
        long chat = Long.parseLong(delivery.recipient());
        UUID conversation = delivery.conversation().value();
        Reply reply = delivery.reply();
        String html = html(reply, delivery.author());
        if (reply.kind() == Reply.Kind.QUEUE_STATUS) {
            return List.of(new Outgoing(delivery.id(), 0, chat, conversation, Kind.QUEUE_STATUS, html, null, null));
        }
        List<String> parts = TelegramHtml.split(html, TelegramHtml.MAX_MESSAGE);
        var outgoing = new ArrayList<Outgoing>();
        for (int part = 0; part < parts.size(); part++) {
            boolean last = part == parts.size() - 1;
            @Nullable Long keyboard = last && !reply.quickReplies().isEmpty()
                    ? keyboards.create(chat, conversation, parts.get(part), buttons(reply.quickReplies())) : null;
            outgoing.add(new Outgoing(delivery.id(), part, chat, conversation, Kind.SEND, parts.get(part), keyboard, null));
        }
        return outgoing;
    }

    static String html(Reply reply, Author author) {
        if (reply.agentName() != null) {
            return "<b>" + TelegramHtml.escape(reply.agentName()) + "</b>\n" + TelegramHtml.escape(reply.text());
        }
        // The bot's messages are articles' Markdown or plain bundle texts, which read the same as Markdown.
        return author == Author.BOT && reply.kind() == Reply.Kind.MESSAGE
                ? TelegramHtml.fromMarkdown(reply.text()) : TelegramHtml.escape(reply.text());
    }

    private static List<KeyboardStore.Button> buttons(List<QuickReply> quickReplies) {
        // Buttons read as the conversation wrote them: the rating scale comes with its faces (support.csat.faces).
        return quickReplies.stream().map(quick -> new KeyboardStore.Button(quick.label(), quick.payload())).toList();
    }
}
