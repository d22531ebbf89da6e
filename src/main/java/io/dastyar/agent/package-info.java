/**
 * The agents' workspace: a live console at {@code /agent} (docs/agent-console.md) with its event stream, and the
 * agent API ({@code agent.api}, docs/agent-api.md) over hand-off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent console",
        allowedDependencies = {"conversation", "conversation :: channel", "conversation :: answer", "handoff", "account",
                "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.agent;
