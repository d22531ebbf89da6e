package io.dastyar.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Writes the tables reports read as their owners would (conversation, hand-off's log and agents, the answer log,
 * the CSAT survey), so that tests know every figure in advance. Times are offsets from a conversation's start.
 */
final class Seed {

    static final String CHANNEL = "test";

    private final JdbcClient jdbc;

    Seed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empties every table a report reads or writes. */
    void clear() {
        for (String table : new String[]{"report_article", "report_conversation", "report_staffing", "csat_answer",
                "csat_survey", "kb_question", "handoff_log", "conversation_timer", "outbox", "message", "handoff_chat",
                "conversation"}) {
            jdbc.sql("DELETE FROM " + table).update();
        }
    }

    Conversation conversation(Instant start, String language) {
        return conversation(start, language, "customer-" + UUID.randomUUID());
    }

    Conversation conversation(Instant start, String language, String recipient) {
        var conversation = new Conversation(UUID.randomUUID(), start);
        jdbc.sql("""
                        INSERT INTO conversation (id, channel, recipient, language, state, created_at, updated_at, version)
                        VALUES (?, ?, ?, ?, 'BOT', ?, ?, 0)""")
                .params(conversation.id, CHANNEL, recipient, language, Timestamp.from(start), Timestamp.from(start))
                .update();
        return conversation;
    }

    void agent(String username, String teams) {
        jdbc.sql("DELETE FROM handoff_agent WHERE username = ?").param(username).update();
        jdbc.sql("""
                        INSERT INTO handoff_agent (username, display_name, capacity, languages, teams, presence, last_seen)
                        VALUES (?, ?, 3, 'en,fa', ?, 'OFFLINE', ?)""")
                .params(username, username, teams, Timestamp.from(Instant.now())).update();
    }

    void staffing(String language, Instant since, boolean available) {
        jdbc.sql("INSERT INTO report_staffing (language, since, available) VALUES (?, ?, ?)")
                .params(language, Timestamp.from(since), available).update();
    }

    final class Conversation {

        final UUID id;
        final Instant start;

        private Conversation(UUID id, Instant start) {
            this.id = id;
            this.start = start;
        }

        Instant at(Duration offset) {
            return start.plus(offset);
        }

        Conversation log(String kind, @Nullable String agent, Duration offset) {
            return log(kind, agent, null, offset);
        }

        Conversation log(String kind, @Nullable String agent, @Nullable String detail, Duration offset) {
            jdbc.sql("INSERT INTO handoff_log (conversation_id, kind, agent, detail, at) VALUES (?, ?, ?, ?, ?)")
                    .params(id, kind, agent, detail, Timestamp.from(at(offset))).update();
            return this;
        }

        Conversation closed(Duration offset) {
            jdbc.sql("UPDATE conversation SET state = 'CLOSED', closed_at = ? WHERE id = ?")
                    .params(Timestamp.from(at(offset)), id).update();
            return this;
        }

        Conversation surveyed(Duration offset) {
            jdbc.sql("""
                            INSERT INTO csat_survey (conversation_id, channel, language, asked_at, status)
                            SELECT id, channel, language, ?, 'OPEN' FROM conversation WHERE id = ?""")
                    .params(Timestamp.from(at(offset)), id).update();
            return this;
        }

        /** An answer (RATING or NPS); an earlier current one of the same kind is superseded by it. */
        Conversation answer(String kind, int score, boolean late, @Nullable String comment, Duration offset) {
            Timestamp at = Timestamp.from(at(offset));
            jdbc.sql("""
                            UPDATE csat_answer SET superseded_at = ?
                            WHERE conversation_id = ? AND kind = ? AND superseded_at IS NULL""")
                    .params(at, id, kind).update();
            jdbc.sql("""
                            INSERT INTO csat_answer (conversation_id, kind, score, comment, late, answered_at)
                            VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, kind, score, comment, late, at).update();
            jdbc.sql("UPDATE csat_survey SET status = 'ANSWERED' WHERE conversation_id = ?").param(id).update();
            return this;
        }

        Conversation question(@Nullable String article, Duration offset) {
            jdbc.sql("""
                            INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at)
                            SELECT id, language, 'Where is my parcel?', ?, 0.5, ? FROM conversation WHERE id = ?""")
                    .params(article, Timestamp.from(at(offset)), id).update();
            return this;
        }
    }
}
