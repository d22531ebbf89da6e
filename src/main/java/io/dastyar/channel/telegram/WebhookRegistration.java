package io.dastyar.channel.telegram;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * In webhook mode with {@code webhook-url} set, tells Telegram where to post updates, with the secret it must send
 * back and the kinds of update the channel takes. Without it, the webhook is left as registered by hand.
 */
@Component
@TelegramOn
class WebhookRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookRegistration.class);

    private final TelegramProperties properties;
    private final BotApi api;

    WebhookRegistration(TelegramProperties properties, BotApi api) {
        this.properties = properties;
        this.api = api;
    }

    /** @return true once done, or when there is nothing to do */
    boolean register() {
        if (properties.webhookUrl().isEmpty()) {
            return true;
        }
        try {
            api.setWebhook(properties.webhookUrl(), properties.webhookSecret(), ButtonPresses.allowedUpdates());
            log.info("Telegram webhook registered at {}", properties.webhookUrl());
            return true;
        } catch (BotApiFailure e) {
            log.warn("Could not register the Telegram webhook; trying again: {}", e.getMessage());
            return false;
        }
    }
}
