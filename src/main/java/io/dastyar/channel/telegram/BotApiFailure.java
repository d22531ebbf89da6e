package io.dastyar.channel.telegram;

import java.time.Duration;
import java.util.Locale;

import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;

/** A Bot API call that did not succeed, sorted by what the sender should do about it. */
class BotApiFailure extends Exception {

    enum Kind {
        /** 429: wait {@link #retryAfter()}, then send again. */
        RATE_LIMITED,
        /** 403: the user blocked the bot (or left the chat); sending again will not help. */
        BLOCKED,
        /** 400 on an edit that would change nothing: as good as done. */
        NOT_MODIFIED,
        /** 400 on an edit of a message that is gone or too old to edit: send a new one instead. */
        MESSAGE_GONE,
        /** Any other 4xx: the request itself is wrong; sending it again will not help. */
        REFUSED,
        /** No answer, or a 5xx: try again with back-off. */
        NETWORK
    }

    private final Kind kind;
    private final Duration retryAfter;

    private BotApiFailure(Kind kind, Duration retryAfter, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    Kind kind() {
        return kind;
    }

    Duration retryAfter() {
        return retryAfter;
    }

    static BotApiFailure of(TelegramApiException e) {
        if (!(e instanceof TelegramApiRequestException request) || request.getErrorCode() == null
                || request.getErrorCode() == 0) {
            return new BotApiFailure(Kind.NETWORK, Duration.ZERO, e.getMessage(), e);
        }
        int code = request.getErrorCode();
        String description = request.getApiResponse() == null ? "" : request.getApiResponse().toLowerCase(Locale.ROOT);
        Kind kind;
        if (code == 429) {
            kind = Kind.RATE_LIMITED;
        } else if (code == 403) {
            kind = Kind.BLOCKED;
        } else if (code == 400 && description.contains("message is not modified")) {
            kind = Kind.NOT_MODIFIED;
        } else if (code == 400 && (description.contains("message to edit not found")
                || description.contains("message can't be edited"))) {
            kind = Kind.MESSAGE_GONE;
        } else if (code >= 400 && code < 500) {
            kind = Kind.REFUSED;
        } else {
            kind = Kind.NETWORK;
        }
        Integer seconds = request.getParameters() == null ? null : request.getParameters().getRetryAfter();
        Duration retryAfter = Duration.ofSeconds(seconds == null ? (kind == Kind.RATE_LIMITED ? 1 : 0) : seconds);
        return new BotApiFailure(kind, retryAfter, "[" + code + "] " + description, e);
    }
}
