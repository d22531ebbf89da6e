package io.dastyar.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.conversation.ChannelAddress;
import io.dastyar.conversation.ConversationId;
import io.dastyar.system.Language;

/**
 * The {@code handoff_chat} table: conversations waiting for a person or held by one, and the agent who last
 * helped each customer. Every change of hands is a conditional update, so of two instances (or two agents) only
 * one wins.
 */
@Component
class ChatStore {

    enum Status { WAITING, CLAIMED, HELD }

    record Chat(ConversationId conversation, ChannelAddress customer, Language language, Instant queuedAt,
                Status status, @Nullable String agent, @Nullable Instant assignedAt, @Nullable String targetAgent,
                @Nullable String targetTeam, @Nullable String releasing, @Nullable String releasedBy) {

        /** Whether a transfer left it for someone else: another agent, or a team the agent is not in. */
        boolean meantForOtherThan(AgentStore.Agent agent) {
            if (targetAgent != null) {
                return !targetAgent.equals(agent.username());
            }
            return targetTeam != null && !agent.teams().contains(targetTeam);
        }

        Optional<TransferTarget> target() {
            if (targetAgent != null) {
                return Optional.of(new TransferTarget.Agent(targetAgent));
            }
            return Optional.ofNullable(targetTeam).map(TransferTarget.Team::new);
        }

        WaitingChat waiting(int place) {
            return new WaitingChat(conversation, customer.channel(), language, queuedAt, place, target());
        }

        ChatOverview overview() {
            return new ChatOverview(conversation, customer.channel(), language, queuedAt, Optional.ofNullable(agent),
                    Optional.ofNullable(assignedAt), target());
        }

        HeldChat held() {
            return new HeldChat(conversation, customer.channel(), language, queuedAt,
                    assignedAt == null ? queuedAt : assignedAt);
        }
    }

    private final JdbcClient jdbc;

    ChatStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Chat> find(ConversationId id) {
        return jdbc.sql("SELECT * FROM handoff_chat WHERE conversation_id = ?").param(id.value())
                .query(ChatStore::map).optional();
    }

    /** Waiting chats, first in line first. */
    List<Chat> waiting() {
        return jdbc.sql("SELECT * FROM handoff_chat WHERE status = 'WAITING' ORDER BY queued_at, conversation_id")
                .query(ChatStore::map).list();
    }

    /** An agent's chats (claimed or held), longest held first. */
    List<Chat> of(String agent) {
        return jdbc.sql("SELECT * FROM handoff_chat WHERE agent = ? ORDER BY assigned_at, conversation_id")
                .param(agent).query(ChatStore::map).list();
    }

    List<Chat> claimedBefore(Instant cutoff) {
        return jdbc.sql("SELECT * FROM handoff_chat WHERE status = 'CLAIMED' AND assigned_at < ?")
                .param(Timestamp.from(cutoff)).query(ChatStore::map).list();
    }

    /** A conversation joins the queue, at the back. */
    void enqueue(ConversationId id, ChannelAddress customer, Language language, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE handoff_chat SET status = 'WAITING', agent = NULL, assigned_at = NULL, first_reply_at = NULL,
                               queued_at = ?, language = ?, target_agent = NULL, target_team = NULL, releasing = NULL,
                               released_by = NULL
                        WHERE conversation_id = ?""")
                .params(Timestamp.from(at), language.name(), id.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO handoff_chat (conversation_id, channel, recipient, language, queued_at, status)
                            VALUES (?, ?, ?, ?, ?, 'WAITING')""")
                    .params(id.value(), customer.channel(), customer.recipient(), language.name(), Timestamp.from(at))
                    .update();
        }
    }

    /** A held chat goes back to the queue, keeping its place in line and any transfer target. */
    void requeue(ConversationId id) {
        jdbc.sql("""
                        UPDATE handoff_chat SET status = 'WAITING', agent = NULL, assigned_at = NULL, first_reply_at = NULL,
                               releasing = NULL, released_by = NULL
                        WHERE conversation_id = ?""")
                .param(id.value()).update();
    }

    /** Takes a waiting chat for an agent; true for the one caller that got it. */
    boolean claim(ConversationId id, String agent, Instant at) {
        return jdbc.sql("""
                        UPDATE handoff_chat SET status = 'CLAIMED', agent = ?, assigned_at = ?
                        WHERE conversation_id = ? AND status = 'WAITING' AND agent IS NULL""")
                .params(agent, Timestamp.from(at), id.value()).update() == 1;
    }

    /** A claim that did not lead to an assignment goes back to the queue, if it still is that agent's claim. */
    boolean unclaim(ConversationId id, String agent) {
        return jdbc.sql("""
                        UPDATE handoff_chat SET status = 'WAITING', agent = NULL, assigned_at = NULL
                        WHERE conversation_id = ? AND status = 'CLAIMED' AND agent = ?""")
                .params(id.value(), agent).update() == 1;
    }

    /** The conversation is now with the agent who claimed it (or, with no claim, with someone hand-off does not know). */
    void hold(ConversationId id, ChannelAddress customer, Language language, Instant at) {
        int updated = jdbc.sql("""
                        UPDATE handoff_chat SET status = 'HELD', assigned_at = COALESCE(assigned_at, ?)
                        WHERE conversation_id = ?""")
                .params(Timestamp.from(at), id.value()).update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO handoff_chat (conversation_id, channel, recipient, language, queued_at, status, assigned_at)
                            VALUES (?, ?, ?, ?, ?, 'HELD', ?)""")
                    .params(id.value(), customer.channel(), customer.recipient(), language.name(), Timestamp.from(at),
                            Timestamp.from(at))
                    .update();
        }
    }

    /**
     * Marks why the holder lets go and where a transfer sends it, just before the conversation goes back to the
     * queue; true if the agent still held it.
     */
    boolean releasing(ConversationId id, String agent, String why, @Nullable String targetAgent,
                      @Nullable String targetTeam, @Nullable String releasedBy) {
        return jdbc.sql("""
                        UPDATE handoff_chat SET releasing = ?, target_agent = ?, target_team = ?, released_by = ?
                        WHERE conversation_id = ? AND status = 'HELD' AND agent = ?""")
                .params(why, targetAgent, targetTeam, releasedBy, id.value(), agent).update() == 1;
    }

    /** A waiting chat is meant for one agent now (a supervisor's reassignment); true if it was still waiting. */
    boolean direct(ConversationId id, String agent) {
        return jdbc.sql("""
                        UPDATE handoff_chat SET target_agent = ?, target_team = NULL
                        WHERE conversation_id = ? AND status = 'WAITING' AND agent IS NULL""")
                .params(agent, id.value()).update() == 1;
    }

    /** Every chat waiting or with an agent: the queue first in line first, then held chats by agent. */
    List<Chat> all() {
        return jdbc.sql("""
                        SELECT * FROM handoff_chat
                        ORDER BY CASE WHEN status = 'WAITING' THEN 0 ELSE 1 END, agent, queued_at, conversation_id""")
                .query(ChatStore::map).list();
    }

    /** A transfer that did not happen: the chat stays where it was, without the target. */
    void cancelReleasing(ConversationId id, String agent) {
        jdbc.sql("""
                        UPDATE handoff_chat SET releasing = NULL, released_by = NULL, target_agent = NULL, target_team = NULL
                        WHERE conversation_id = ? AND agent = ?""")
                .params(id.value(), agent).update();
    }

    /** Waiting chats sent to an agent who has gone are open to anyone again. */
    void forgetTarget(String agent) {
        jdbc.sql("UPDATE handoff_chat SET target_agent = NULL WHERE target_agent = ? AND status = 'WAITING'")
                .param(agent).update();
    }

    boolean firstReply(ConversationId id, String agent, Instant at) {
        return jdbc.sql("""
                        UPDATE handoff_chat SET first_reply_at = ?
                        WHERE conversation_id = ? AND agent = ? AND status = 'HELD' AND first_reply_at IS NULL""")
                .params(Timestamp.from(at), id.value(), agent).update() == 1;
    }

    void remove(ConversationId id) {
        jdbc.sql("DELETE FROM handoff_chat WHERE conversation_id = ?").param(id.value()).update();
    }

    /** Remembers who helped a customer last. */
    void rememberAgent(ChannelAddress customer, String agent, Instant at) {
        int updated = jdbc.sql("UPDATE handoff_customer SET agent = ?, released_at = ? WHERE channel = ? AND recipient = ?")
                .params(agent, Timestamp.from(at), customer.channel(), customer.recipient()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO handoff_customer (channel, recipient, agent, released_at) VALUES (?, ?, ?, ?)")
                    .params(customer.channel(), customer.recipient(), agent, Timestamp.from(at)).update();
        }
    }

    /** The agent who last helped this customer, if that ended at or after {@code since}. */
    Optional<String> lastAgent(ChannelAddress customer, Instant since) {
        return jdbc.sql("SELECT agent FROM handoff_customer WHERE channel = ? AND recipient = ? AND released_at >= ?")
                .params(customer.channel(), customer.recipient(), Timestamp.from(since)).query(String.class).optional();
    }

    private static Chat map(ResultSet rs, int row) throws SQLException {
        return new Chat(new ConversationId(rs.getObject("conversation_id", UUID.class)),
                new ChannelAddress(rs.getString("channel"), rs.getString("recipient")),
                Language.valueOf(rs.getString("language")), rs.getTimestamp("queued_at").toInstant(),
                Status.valueOf(rs.getString("status")), rs.getString("agent"), instant(rs, "assigned_at"),
                rs.getString("target_agent"), rs.getString("target_team"), rs.getString("releasing"),
                rs.getString("released_by"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
