/**
 * The agents' console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent console", allowedDependencies = {"conversation", "conversation :: channel", "handoff", "account", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.agent;
