package io.dastyar.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import io.dastyar.conversation.channel.Attachment;
import io.dastyar.conversation.channel.ChannelFile;

/** A customer's file is served as an image only when its bytes are one, and never so that a browser runs it. */
class SafeFilesTest {

    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F'};
    private static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] SVG = "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>".getBytes(StandardCharsets.UTF_8);

    @Test
    void aRealPhotoOrStickerIsShownInlineAsTheImageItIs() {
        ResponseEntity<byte[]> photo = serve(Attachment.Kind.PHOTO, JPEG, Optional.empty(), Optional.of("image/png"));
        assertThat(photo.getHeaders().getContentType()).hasToString("image/jpeg");
        assertThat(photo.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("inline").contains("photo.jpg");
        assertSafe(photo);
        ResponseEntity<byte[]> sticker = serve(Attachment.Kind.STICKER, WEBP, Optional.empty(), Optional.empty());
        assertThat(sticker.getHeaders().getContentType()).hasToString("image/webp");
        assertThat(sticker.getBody()).isEqualTo(WEBP);
    }

    @Test
    void anythingElseIsADownloadWhateverItClaimsToBe() {
        ResponseEntity<byte[]> svg = serve(Attachment.Kind.PHOTO, SVG, Optional.of("cat.svg"), Optional.of("image/svg+xml"));
        assertThat(svg.getHeaders().getContentType()).hasToString("application/octet-stream");
        assertThat(svg.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment");
        assertSafe(svg);
        ResponseEntity<byte[]> html = serve(Attachment.Kind.DOCUMENT, "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8),
                Optional.of("../../etc/<b>invoice</b>.html"), Optional.of("text/html"));
        assertThat(html.getHeaders().getContentType()).hasToString("application/octet-stream");
        assertThat(html.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
                .doesNotContain("/").contains("invoice");
        assertSafe(html);
        // A JPEG sent as a document is still a document: downloaded, not shown.
        assertThat(serve(Attachment.Kind.DOCUMENT, JPEG, Optional.empty(), Optional.empty()).getHeaders().getContentType())
                .hasToString("application/octet-stream");
    }

    @Test
    void aPersianFileNameSurvivesTheHeader() {
        ResponseEntity<byte[]> document = serve(Attachment.Kind.DOCUMENT, new byte[] {1, 2, 3}, Optional.of("فاکتور.pdf"),
                Optional.empty());
        assertThat(document.getHeaders().getContentDisposition().getFilename()).isEqualTo("فاکتور.pdf");
        assertThat(document.getHeaders().getContentLength()).isEqualTo(3);
    }

    private static ResponseEntity<byte[]> serve(Attachment.Kind kind, byte[] content, Optional<String> name,
                                               Optional<String> type) {
        return SafeFiles.serve(new Attachment(kind, "ref", name, type), new ChannelFile(content, type, Optional.empty()));
    }

    private static void assertSafe(ResponseEntity<byte[]> response) {
        assertThat(response.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeaders().getFirst("Content-Security-Policy")).contains("sandbox");
        assertThat(response.getHeaders().getCacheControl()).contains("no-store");
    }
}
