package io.dastyar.handoff;

import java.util.Set;

import io.dastyar.system.Language;

/** An agent as routing sees them: their presence, how many chats they may hold and hold now, what they speak. */
public record AgentStatus(String username, Presence presence, int capacity, int load, Set<Language> languages,
                          Set<String> teams) {
}
