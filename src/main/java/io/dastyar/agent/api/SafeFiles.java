package io.dastyar.agent.api;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;

/**
 * Serves a customer's file so that no browser runs it: a photo or sticker goes out as an image only when its first
 * bytes say it is a JPEG, PNG, GIF or WebP (never on the customer's or the channel's word, and never SVG or HTML);
 * everything else is {@code application/octet-stream} to download. No sniffing, no scripts, nothing kept in caches.
 */
final class SafeFiles {

    private SafeFiles() {
    }

    private enum Image {
        JPEG(MediaType.IMAGE_JPEG, "jpg"), PNG(MediaType.IMAGE_PNG, "png"), GIF(MediaType.IMAGE_GIF, "gif"),
        WEBP(MediaType.parseMediaType("image/webp"), "webp");

        final MediaType type;
        final String extension;

        Image(MediaType type, String extension) {
            this.type = type;
            this.extension = extension;
        }

        static Optional<Image> of(byte[] content) {
            if (starts(content, 0, 0xFF, 0xD8, 0xFF)) {
                return Optional.of(JPEG);
            }
            if (starts(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return Optional.of(PNG);
            }
            if (starts(content, 0, 'G', 'I', 'F', '8')) {
                return Optional.of(GIF);
            }
            return starts(content, 0, 'R', 'I', 'F', 'F') && starts(content, 8, 'W', 'E', 'B', 'P')
                    ? Optional.of(WEBP) : Optional.empty();
        }

        private static boolean starts(byte[] content, int offset, int... expected) {
            if (content.length < offset + expected.length) {
                return false;
            }
            for (int i = 0; i < expected.length; i++) {
                if ((content[offset + i] & 0xFF) != expected[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    static ResponseEntity<byte[]> serve(Attachment attachment, ChannelFile file) {
        boolean picture = attachment.kind() == Attachment.Kind.PHOTO || attachment.kind() == Attachment.Kind.STICKER;
        Optional<Image> image = picture ? Image.of(file.content()) : Optional.empty();
        String name = attachment.fileName().or(file::name).map(SafeFiles::harmless).filter(n -> !n.isBlank())
                .orElseGet(() -> attachment.kind().name().toLowerCase(Locale.ROOT)
                        + image.map(found -> "." + found.extension).orElse(""));
        ContentDisposition disposition = (image.isPresent() ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(image.map(found -> found.type).orElse(MediaType.APPLICATION_OCTET_STREAM))
                .contentLength(file.content().length)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .cacheControl(CacheControl.noStore().cachePrivate())
                .body(file.content());
    }

    /** A name to save the file under: no folders, no control characters. */
    private static String harmless(String name) {
        return name.codePoints().map(c -> Character.isISOControl(c) || c == '/' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().strip();
    }
}
