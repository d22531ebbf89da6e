package io.dastyar.channel.telegram;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.telegram.telegrambots.meta.api.objects.File;

import io.dastyar.conversation.channel.ChannelFile;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * A customer's file fetched for the agent console: {@code getFile} says where it is, and the server downloads it from
 * the Bot API's file address, which holds the token, so only the bytes go on to the browser. The download is from
 * the configured Bot API server (the library's own download always goes to api.telegram.org) and is cut off at
 * {@link ChannelFile#MAX_BYTES}, whatever the sizes Telegram states.
 */
@Component
@TelegramOn
class TelegramFiles {

    private final BotApi api;
    private final OkHttpClient http;
    private final TelegramProperties properties;

    TelegramFiles(BotApi api, OkHttpClient telegramHttp, TelegramProperties properties) {
        this.api = api;
        this.http = telegramHttp;
        this.properties = properties;
    }

    Optional<ChannelFile> fetch(String fileId) throws IOException {
        Optional<File> found = api.file(fileId);
        if (found.isEmpty() || found.get().getFilePath() == null) {
            return Optional.empty();
        }
        File file = found.get();
        if (file.getFileSize() != null && file.getFileSize() > ChannelFile.MAX_BYTES) {
            throw new ChannelFile.TooLarge(file.getFileSize());
        }
        try (Response response = http.newCall(new Request.Builder().url(url(file.getFilePath())).get().build()).execute()) {
            if (response.code() == 404) {
                return Optional.empty();
            }
            ResponseBody body = response.body();
            if (!response.isSuccessful() || body == null) {
                // Never the URL: it holds the token.
                throw new IOException("The Bot API answered " + response.code() + " to a file download");
            }
            if (body.contentLength() > ChannelFile.MAX_BYTES) {
                throw new ChannelFile.TooLarge(body.contentLength());
            }
            byte[] content = read(body.byteStream());
            String type = body.contentType() == null ? null : body.contentType().type() + "/" + body.contentType().subtype();
            return Optional.of(new ChannelFile(content, Optional.ofNullable(type), name(file.getFilePath())));
        }
    }

    private HttpUrl url(String filePath) {
        return new HttpUrl.Builder().scheme(properties.apiUrl().getScheme()).host(properties.apiUrl().getHost())
                .port(properties.apiPort()).addPathSegment("file").addPathSegment("bot" + properties.token())
                .addPathSegments(filePath).build();
    }

    private static byte[] read(InputStream in) throws IOException {
        byte[] content = in.readNBytes(ChannelFile.MAX_BYTES + 1);
        if (content.length > ChannelFile.MAX_BYTES) {
            throw new ChannelFile.TooLarge(content.length);
        }
        return content;
    }

    /** "photos/file_7.jpg" is file_7.jpg: Telegram's name for it, as the customer's is on the transcript line. */
    private static Optional<String> name(String filePath) {
        String name = filePath.substring(filePath.lastIndexOf('/') + 1);
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }
}
