package io.dastyar.channel.telegram;

import java.util.Comparator;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.photo.PhotoSize;

import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.Attachment.Kind;
import io.dastyar.conversation.channel.Inbound;

/**
 * What a customer's message other than text is, as the conversation knows it: the Telegram {@code file_id} of the
 * file (the file itself stays with Telegram until an agent opens it) or the location, and the caption. Kinds the
 * conversation has no name for are taken as the nearest one: a music file or an animation is a document, a round
 * video note a video. Contacts, polls and dice are no attachment and are left unanswered, as before.
 */
final class TelegramMedia {

    private TelegramMedia() {
    }

    static Optional<Inbound.Media> of(Message message) {
        return attachment(message).map(attachment -> new Inbound.Media(attachment, Optional.ofNullable(message.getCaption())));
    }

    /**
     * The text an edit of this message leaves: its text, or its caption (none when the customer took it away). A
     * location's edits are a live location moving, not the customer changing what they said: none.
     */
    static Optional<String> editedText(Message message) {
        if (message.hasText()) {
            return Optional.of(message.getText());
        }
        return attachment(message).filter(attachment -> attachment.kind() != Kind.LOCATION)
                .map(attachment -> message.hasCaption() ? message.getCaption() : "");
    }

    private static Optional<Attachment> attachment(Message message) {
        if (message.hasPhoto() && !message.getPhoto().isEmpty()) {
            // Telegram sends every size it made; the largest is the one the customer sent.
            PhotoSize largest = message.getPhoto().stream().max(Comparator.comparingLong(TelegramMedia::pixels)).orElseThrow();
            return Optional.of(Attachment.of(Kind.PHOTO, largest.getFileId()));
        }
        if (message.hasDocument()) {
            var document = message.getDocument();
            return file(Kind.DOCUMENT, document.getFileId(), document.getFileName(), document.getMimeType());
        }
        if (message.hasAudio()) {
            var audio = message.getAudio();
            return file(Kind.DOCUMENT, audio.getFileId(), audio.getFileName(), audio.getMimeType());
        }
        if (message.hasVoice()) {
            return file(Kind.VOICE, message.getVoice().getFileId(), null, message.getVoice().getMimeType());
        }
        if (message.hasVideo()) {
            var video = message.getVideo();
            return file(Kind.VIDEO, video.getFileId(), video.getFileName(), video.getMimeType());
        }
        if (message.hasVideoNote()) {
            return file(Kind.VIDEO, message.getVideoNote().getFileId(), null, null);
        }
        if (message.hasSticker()) {
            return file(Kind.STICKER, message.getSticker().getFileId(), null, null);
        }
        if (message.hasLocation()) {
            return Optional.of(Attachment.location(message.getLocation().getLatitude(), message.getLocation().getLongitude()));
        }
        return Optional.empty();
    }

    private static Optional<Attachment> file(Kind kind, @Nullable String fileId, @Nullable String name,
                                             @Nullable String mimeType) {
        return fileId == null || fileId.isBlank() ? Optional.empty()
                : Optional.of(new Attachment(kind, fileId, Optional.ofNullable(name), Optional.ofNullable(mimeType)));
    }

    private static long pixels(PhotoSize size) {
        return size.getWidth() == null || size.getHeight() == null ? 0 : (long) size.getWidth() * size.getHeight();
    }
}
