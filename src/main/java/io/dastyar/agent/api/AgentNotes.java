package io.dastyar.agent.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ConversationId;

/** The {@code agent_note} table: agents' internal notes on a conversation, never sent to the customer. */
@Component
class AgentNotes {

    record Note(long id, String author, String text, Instant at) {
    }

    private final JdbcClient jdbc;

    AgentNotes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long add(ConversationId conversation, String author, String text, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO agent_note (conversation_id, author, body, created_at) VALUES (?, ?, ?, ?)")
                .params(conversation.value(), author, text, Timestamp.from(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    List<Note> of(ConversationId conversation) {
        return jdbc.sql("SELECT id, author, body, created_at FROM agent_note WHERE conversation_id = ? ORDER BY id")
                .param(conversation.value())
                .query((rs, row) -> new Note(rs.getLong("id"), rs.getString("author"), rs.getString("body"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
