/**
 * The channels customers chat on, one application module each ({@code channel.web}, later {@code channel.telegram}
 * and others). This package only groups them and is no module itself: a channel depends on the conversation
 * feature's API and its channel SPI ({@code conversation :: channel}), never on another channel.
 */
@org.jspecify.annotations.NullMarked
package io.dastyar.channel;
