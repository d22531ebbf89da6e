package io.dastyar.handoff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.system.Language;

/** The {@code handoff_agent} table: agents, their settings, presence and heartbeat. */
@Component
class AgentStore {

    /** An agent's row with their current load (chats claimed or held). */
    record Agent(String username, String displayName, int capacity, Set<Language> languages, Set<String> teams,
                 Presence presence, Instant lastSeen, @Nullable Instant lastAssignedAt, int load) {

        boolean hasRoom() {
            return load < capacity;
        }

        boolean onlineSince(Instant cutoff) {
            return presence == Presence.ONLINE && !lastSeen.isBefore(cutoff);
        }

        AgentStatus status() {
            return new AgentStatus(username, presence, capacity, load, languages, teams);
        }
    }

    private static final String SELECT = """
            SELECT a.*, (SELECT count(*) FROM handoff_chat c WHERE c.agent = a.username) AS load
            FROM handoff_agent a""";

    private final JdbcClient jdbc;

    AgentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Agent> find(String username) {
        return jdbc.sql(SELECT + " WHERE a.username = ?").param(username).query(AgentStore::map).optional();
    }

    List<Agent> all() {
        return jdbc.sql(SELECT + " ORDER BY a.username").query(AgentStore::map).list();
    }

    /** Online agents heard from since {@code cutoff}. */
    List<Agent> online(Instant cutoff) {
        return jdbc.sql(SELECT + " WHERE a.presence = 'ONLINE' AND a.last_seen >= ? ORDER BY a.username")
                .param(Timestamp.from(cutoff)).query(AgentStore::map).list();
    }

    /**
     * Sets an agent's presence and heartbeat, registering them with the given defaults on their first call.
     *
     * @return their presence before this call; empty when they were not registered
     */
    Optional<Presence> heartbeat(String username, String displayName, Presence presence, Instant now, int capacity,
                                 Set<Language> languages) {
        for (int attempt = 0; ; attempt++) {
            Optional<Presence> before = jdbc.sql("SELECT presence FROM handoff_agent WHERE username = ?")
                    .param(username).query((rs, row) -> Presence.valueOf(rs.getString(1))).optional();
            if (before.isPresent()) {
                jdbc.sql("UPDATE handoff_agent SET presence = ?, last_seen = ?, display_name = ? WHERE username = ?")
                        .params(presence.name(), Timestamp.from(now), displayName, username).update();
                return before;
            }
            try {
                jdbc.sql("""
                                INSERT INTO handoff_agent (username, display_name, capacity, languages, teams, presence, last_seen)
                                VALUES (?, ?, ?, ?, '', ?, ?)""")
                        .params(username, displayName, capacity, tags(languages), presence.name(), Timestamp.from(now))
                        .update();
                return Optional.empty();
            } catch (DuplicateKeyException e) {
                if (attempt > 0) {
                    throw e;
                }
                // Registered at the same moment by another call: update theirs.
            }
        }
    }

    /** An admin's settings for one agent. */
    boolean configure(String username, int capacity, Set<Language> languages, Set<String> teams) {
        return jdbc.sql("UPDATE handoff_agent SET capacity = ?, languages = ?, teams = ? WHERE username = ?")
                .params(capacity, tags(languages), String.join(",", new TreeSet<>(teams)), username).update() == 1;
    }

    /**
     * An admin's settings for an agent who may never have opened the console: they are registered offline with
     * them, and keep them when they first say they are online.
     */
    void settle(String username, String displayName, int capacity, Set<Language> languages, Set<String> teams,
                Instant now) {
        if (configure(username, capacity, languages, teams)) {
            return;
        }
        try {
            jdbc.sql("""
                            INSERT INTO handoff_agent (username, display_name, capacity, languages, teams, presence, last_seen)
                            VALUES (?, ?, ?, ?, ?, 'OFFLINE', ?)""")
                    .params(username, displayName, capacity, tags(languages), String.join(",", new TreeSet<>(teams)),
                            Timestamp.from(now))
                    .update();
        } catch (DuplicateKeyException e) {
            // Their console registered them at this very moment.
            configure(username, capacity, languages, teams);
        }
    }

    /** Takes an agent offline if they still are not heard from since {@code cutoff}; true for the one caller that did. */
    boolean takeOfflineIfSilent(String username, Instant cutoff) {
        return jdbc.sql("""
                        UPDATE handoff_agent SET presence = 'OFFLINE'
                        WHERE username = ? AND presence <> 'OFFLINE' AND last_seen < ?""")
                .params(username, Timestamp.from(cutoff)).update() == 1;
    }

    List<String> silentSince(Instant cutoff) {
        return jdbc.sql("SELECT username FROM handoff_agent WHERE presence <> 'OFFLINE' AND last_seen < ?")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    /** Agents who are offline (or silent) yet still hold chats: what a requeue left half-done. */
    List<String> goneButHolding(Instant cutoff) {
        return jdbc.sql("""
                        SELECT DISTINCT c.agent FROM handoff_chat c JOIN handoff_agent a ON a.username = c.agent
                        WHERE a.presence = 'OFFLINE' OR a.last_seen < ?""")
                .param(Timestamp.from(cutoff)).query(String.class).list();
    }

    /** Locks the agent's row for the rest of the transaction: claims by one agent happen one after another. */
    Optional<Agent> lock(String username) {
        jdbc.sql("SELECT username FROM handoff_agent WHERE username = ? FOR UPDATE").param(username)
                .query(String.class).optional();
        return find(username);
    }

    void assigned(String username, Instant at) {
        jdbc.sql("UPDATE handoff_agent SET last_assigned_at = ? WHERE username = ?")
                .params(Timestamp.from(at), username).update();
    }

    private static String tags(Set<Language> languages) {
        return languages.stream().map(Language::tag).sorted().collect(Collectors.joining(","));
    }

    private static Agent map(ResultSet rs, int row) throws SQLException {
        Timestamp lastAssigned = rs.getTimestamp("last_assigned_at");
        return new Agent(rs.getString("username"), rs.getString("display_name"), rs.getInt("capacity"),
                split(rs.getString("languages")).stream().map(Language::fromTag).flatMap(Optional::stream)
                        .collect(Collectors.toUnmodifiableSet()),
                split(rs.getString("teams")), Presence.valueOf(rs.getString("presence")),
                rs.getTimestamp("last_seen").toInstant(), lastAssigned == null ? null : lastAssigned.toInstant(),
                rs.getInt("load"));
    }

    private static Set<String> split(@Nullable String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
