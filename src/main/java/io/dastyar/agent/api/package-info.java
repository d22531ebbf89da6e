/**
 * The agent API (docs/agent-api.md): the queue, an agent's chats, and what agents do with them, as JSON.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.agent.api;
