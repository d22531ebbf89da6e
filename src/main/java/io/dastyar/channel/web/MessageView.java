package io.dastyar.channel.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

import io.dastyar.conversation.Author;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Delivery;
import io.dastyar.conversation.channel.Reply;

/**
 * Transcript lines and live replies as the widget sees them. The bot's lines are Markdown (articles' answers)
 * and go out as HTML too, with raw HTML escaped and unsafe link targets dropped; everything else, above all
 * what customers and agents type, goes out as text only.
 */
final class MessageView {

    // Both are immutable and documented as thread-safe.
    private static final Parser MARKDOWN = Parser.builder().build();
    private static final HtmlRenderer SAFE_HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private MessageView() {
    }

    /** A line of history; {@code state} is the conversation's state now. */
    static ServerFrame.Message of(TranscriptEntry entry, ConversationState state) {
        boolean inbound = entry.direction() == TranscriptEntry.Direction.IN;
        Optional<Reply> reply = entry.reply();
        return new ServerFrame.Message(entry.id(), entry.conversation().toString(), inbound ? "in" : "out",
                name(entry.author()), reply.map(r -> name(r.kind())).orElse("message"), entry.text(),
                html(entry.author(), entry.text()), reply.map(MessageView::buttons).orElse(List.of()),
                inbound ? entry.channelMessageId() : null, entry.at(), state.name(),
                reply.map(Reply::agentName).orElse(null));
    }

    static ServerFrame.Message of(Delivery delivery) {
        Reply reply = delivery.reply();
        return new ServerFrame.Message(delivery.messageId(), delivery.conversation().toString(), "out",
                name(delivery.author()), name(reply.kind()), reply.text(), html(delivery.author(), reply.text()),
                buttons(reply), null, delivery.at(),
                delivery.state().map(ConversationState::name).orElse(null), reply.agentName());
    }

    static ServerFrame.QueueStatus queueStatus(ConversationId conversation, Reply status, Instant at) {
        return new ServerFrame.QueueStatus(conversation.toString(), status.text(), at);
    }

    private static List<ServerFrame.QuickReply> buttons(Reply reply) {
        return reply.quickReplies().stream().map(q -> new ServerFrame.QuickReply(q.label(), q.payload())).toList();
    }

    private static String html(Author author, String text) {
        return author == Author.BOT ? SAFE_HTML.render(MARKDOWN.parse(text)) : null;
    }

    private static String name(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
