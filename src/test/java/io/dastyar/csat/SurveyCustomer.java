package io.dastyar.csat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.conversation.ConversationState;
import io.dastyar.conversation.Conversations;
import io.dastyar.conversation.TranscriptEntry;
import io.dastyar.conversation.channel.Inbound;
import io.dastyar.conversation.channel.QuickReply;
import io.dastyar.conversation.channel.Receipt;
import io.dastyar.conversation.channel.Reply;
import io.dastyar.system.Language;

/** A widget visitor (channel "web") talking through the conversation API, and what the survey kept of them. */
final class SurveyCustomer {

    final ChannelAddress address = new ChannelAddress("web", UUID.randomUUID().toString());
    private final Conversations conversations;
    private final JdbcClient jdbc;
    private final Language language;

    SurveyCustomer(Conversations conversations, JdbcClient jdbc, Language language) {
        this.conversations = conversations;
        this.jdbc = jdbc;
        this.language = language;
    }

    Receipt say(String text) {
        return conversations.receive(new Inbound(address, UUID.randomUUID().toString(), new Inbound.Text(text),
                Optional.of(language)));
    }

    Receipt press(String payload) {
        return conversations.receive(new Inbound(address, UUID.randomUUID().toString(), new Inbound.Button(payload),
                Optional.of(language)));
    }

    ConversationId conversation() {
        return conversations.latest(address).orElseThrow().id();
    }

    ConversationState state() {
        return conversations.latest(address).orElseThrow().state();
    }

    /** The bot's latest line, with its buttons. */
    Reply lastReply() {
        List<TranscriptEntry> lines = conversations.transcript(conversation());
        return lines.reversed().stream().flatMap(line -> line.reply().stream()).findFirst().orElseThrow();
    }

    List<String> lastButtons() {
        return lastReply().quickReplies().stream().map(QuickReply::payload).toList();
    }

    Map<String, Object> survey() {
        return jdbc.sql("SELECT * FROM csat_survey WHERE conversation_id = ?").param(conversation().value())
                .query().singleRow();
    }

    /** Every answer, scores as Integer (PostgreSQL's SMALLINT comes back as one). */
    List<Map<String, Object>> answers() {
        return jdbc.sql("SELECT * FROM csat_answer WHERE conversation_id = ? ORDER BY id").param(conversation().value())
                .query().listOfRows();
    }
}
