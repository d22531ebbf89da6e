/**
 * The Telegram channel: customers chat with the bot in Telegram, through the Bot API (TelegramBots, confined to this
 * package). Updates arrive by long polling or a webhook and are stored before they are acknowledged, then taken
 * exactly once; replies leave through a queue that keeps Telegram's rate limits. Off unless
 * {@code SUPPORT_TELEGRAM_TOKEN} is set. The guide is {@code docs/telegram.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Telegram", allowedDependencies = {"conversation", "conversation :: channel", "system"})
@org.jspecify.annotations.NullMarked
package io.dastyar.channel.telegram;
