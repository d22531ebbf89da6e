package io.dastyar.agent;

import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dastyar.handoff.ChatOverview;
import io.dastyar.handoff.TransferTarget;

/**
 * One chat as a supervisor sees it, in {@code GET /api/agent/all-conversations} and the {@code all} live event:
 * waiting ({@code status} "WAITING", with whom a transfer or reassignment meant it for) or with an agent
 * ("WITH_AGENT", with the agent's username and display name).
 */
public record SupervisedChat(String conversation, String channel, String language, String status,
                             @Nullable String agent, @Nullable String agentName, Instant queuedAt,
                             @Nullable Instant assignedAt, @Nullable Map<String, String> target) {

    public static SupervisedChat of(ChatOverview chat, Function<String, String> displayName) {
        String agent = chat.agent().orElse(null);
        Map<String, String> target = chat.target().map(t -> switch (t) {
            case TransferTarget.Agent a -> Map.of("agent", a.username());
            case TransferTarget.Team team -> Map.of("team", team.name());
        }).orElse(null);
        return new SupervisedChat(chat.conversation().toString(), chat.channel(), chat.language().tag(),
                agent == null ? "WAITING" : "WITH_AGENT", agent, agent == null ? null : displayName.apply(agent),
                chat.queuedAt(), chat.assignedAt().orElse(null), target);
    }
}
