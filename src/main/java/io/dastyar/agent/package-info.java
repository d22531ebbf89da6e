/**
 * The agents' console, and the agent API ({@code agent.api}, docs/agent-api.md) over hand-off.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent console",
        allowedDependencies = {"conversation", "conversation :: channel", "handoff", "account", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.agent;
