package io.dastyar.handoff;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.dastyar.system.Language;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an admin sets for one agent's routing. Teams are written separated by commas; the messages are the staff
 * bundles' ({@code Min.agentSettings.capacity} and so on).
 */
record AgentSettingsForm(
        @NotNull @Min(1) @Max(50) @Nullable Integer capacity,
        @NotEmpty @Nullable Set<Language> languages,
        @Size(max = 1000) @Nullable String teams) {

    static final int MOST_TEAMS = 20;
    static final int LONGEST_TEAM = 64;
    private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]*");

    static AgentSettingsForm of(AgentStatus status) {
        return new AgentSettingsForm(status.capacity(), status.languages(),
                status.teams().stream().sorted().collect(Collectors.joining(", ")));
    }

    /** The teams named, each stripped, without repeats, in the order written. */
    Set<String> teamNames() {
        return teams == null ? Set.of() : Arrays.stream(teams.split(",")).map(String::strip)
                .filter(team -> !team.isEmpty()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The first team name that cannot be one (too long, or not letters, digits, spaces, ".", "_" and "-"). */
    @Nullable String badTeam() {
        return teamNames().stream().filter(team -> team.length() > LONGEST_TEAM || !TEAM.matcher(team).matches())
                .findFirst().orElse(null);
    }
}
