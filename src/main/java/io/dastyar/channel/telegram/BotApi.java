package io.dastyar.channel.telegram;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.methods.botapimethods.BotApiMethod;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.send.SendChatAction;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.File;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;

import io.dastyar.conversation.channel.ChannelFile;

/**
 * The Bot API calls the channel makes, through the library's client, with failures sorted into
 * {@link BotApiFailure}s. Messages go out in Telegram's HTML parse mode.
 */
class BotApi {

    static final String HTML = "HTML";

    private final OkHttpTelegramClient client;

    BotApi(OkHttpTelegramClient client) {
        this.client = client;
    }

    /** @return the new message's id */
    CompletableFuture<Integer> send(long chat, String html, @Nullable InlineKeyboardMarkup keyboard) {
        SendMessage message = SendMessage.builder().chatId(chat).text(html).parseMode(HTML)
                .replyMarkup(keyboard).build();
        return call(message).thenApply(Message::getMessageId);
    }

    /** Replaces a message's text; without a keyboard, its buttons go. */
    CompletableFuture<Serializable> editText(long chat, int messageId, String html, @Nullable InlineKeyboardMarkup keyboard) {
        return call(EditMessageText.builder().chatId(chat).messageId(messageId).text(html).parseMode(HTML)
                .replyMarkup(keyboard).build());
    }

    /** Takes a message's buttons away. */
    CompletableFuture<Serializable> removeKeyboard(long chat, int messageId) {
        return call(EditMessageReplyMarkup.builder().chatId(chat).messageId(messageId).build());
    }

    CompletableFuture<Boolean> answerCallback(String callbackId, @Nullable String text) {
        return call(AnswerCallbackQuery.builder().callbackQueryId(callbackId).text(text).build());
    }

    CompletableFuture<Boolean> typing(long chat) {
        return call(SendChatAction.builder().chatId(chat).action("typing").build());
    }

    CompletableFuture<Boolean> setCommands(List<BotCommand> commands, @Nullable String languageCode) {
        return call(SetMyCommands.builder().commands(commands).languageCode(languageCode).build());
    }

    boolean setWebhook(String url, String secret, List<String> allowedUpdates) throws BotApiFailure {
        try {
            return client.execute(SetWebhook.builder().url(url).secretToken(secret).allowedUpdates(allowedUpdates).build());
        } catch (TelegramApiException e) {
            throw BotApiFailure.of(e);
        }
    }

    /**
     * Where a customer's file can be downloaded (for an hour at least); empty when Telegram does not know the id or no
     * longer has the file. Telegram refuses a file over 20 MB outright ("file is too big"): {@link ChannelFile.TooLarge}.
     */
    Optional<File> file(String fileId) throws IOException {
        try {
            return Optional.of(client.execute(GetFile.builder().fileId(fileId).build()));
        } catch (TelegramApiException e) {
            BotApiFailure failure = BotApiFailure.of(e);
            if (failure.getMessage() != null && failure.getMessage().contains("file is too big")) {
                throw new ChannelFile.TooLarge(ChannelFile.MAX_BYTES + 1L);
            }
            if (failure.kind() == BotApiFailure.Kind.REFUSED) {
                return Optional.empty();
            }
            throw new IOException("getFile failed: " + failure.getMessage(), failure);
        }
    }

    private <T extends Serializable, M extends BotApiMethod<T>> CompletableFuture<T> call(M method) {
        CompletableFuture<T> sent;
        try {
            sent = client.executeAsync(method);
        } catch (TelegramApiException e) {
            return CompletableFuture.failedFuture(BotApiFailure.of(e));
        }
        return sent.exceptionallyCompose(e -> CompletableFuture.failedFuture(failure(e)));
    }

    /** The failure behind what the client's future completed with. */
    static BotApiFailure failure(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof BotApiFailure failure) {
            return failure;
        }
        if (cause instanceof TelegramApiException api) {
            return BotApiFailure.of(api);
        }
        return BotApiFailure.of(new TelegramApiException(cause.toString(), cause));
    }
}
