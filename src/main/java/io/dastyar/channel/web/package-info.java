/**
 * The web chat widget: the script a website embeds, its chat panel, and the transport behind them
 * (WebSocket, with Server-Sent Events and plain HTTP as the fallback). Visitors are anonymous and carry
 * a signed token that names them; they only ever see their own conversations.
 *
 * <p>The wire protocol is documented in {@code docs/widget-protocol.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web widget", allowedDependencies = {"conversation", "conversation :: channel", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.channel.web;
