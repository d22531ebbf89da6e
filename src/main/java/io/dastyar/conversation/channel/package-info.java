/**
 * The channel SPI: what a channel implements ({@link io.dastyar.conversation.channel.Channel}) and the values it
 * exchanges with the conversation feature: customers' messages in ({@link io.dastyar.conversation.channel.Inbound},
 * answered by a {@link io.dastyar.conversation.channel.Receipt}) and replies out
 * ({@link io.dastyar.conversation.channel.Delivery} of a {@link io.dastyar.conversation.channel.Reply}), and the
 * events a channel publishes about its customers ({@link io.dastyar.conversation.channel.CustomerTyping},
 * {@link io.dastyar.conversation.channel.CustomerUnreachable}). Photos, files and locations come in as
 * {@link io.dastyar.conversation.channel.Inbound.Media} with an {@link io.dastyar.conversation.channel.Attachment},
 * whose file the channel hands over on demand ({@link io.dastyar.conversation.channel.ChannelFile}); an edit of a
 * sent message is answered by an {@link io.dastyar.conversation.channel.EditReceipt}.
 * A new channel is one package that depends on this and on the conversation API.
 */
@org.springframework.modulith.NamedInterface("channel")
@org.jspecify.annotations.NullMarked
package io.dastyar.conversation.channel;
