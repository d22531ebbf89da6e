package io.dastyar.conversation.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class AttachmentTest {

    @Test
    void aLocationIsKeptAsLatitudeCommaLongitudeWithoutTrailingZeros() {
        assertThat(Attachment.location(35.6892, 51.389).reference()).isEqualTo("35.6892,51.389");
        assertThat(Attachment.location(-33.0, 151.2093).reference()).isEqualTo("-33,151.2093");
        assertThat(Attachment.location(40.40926, 49.86709).reference()).isEqualTo("40.40926,49.86709");
        assertThat(Attachment.location(0, 0).reference()).isEqualTo("0,0");
        assertThat(Attachment.location(10.000001, 100.5).reference()).isEqualTo("10.000001,100.5");
    }

    @Test
    void aLocationMustBeAPlaceOnEarthAndAReferenceMustBeAnId() {
        assertThatThrownBy(() -> Attachment.of(Attachment.Kind.LOCATION, "91,0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attachment.of(Attachment.Kind.LOCATION, "Tehran")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attachment.of(Attachment.Kind.PHOTO, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attachment.of(Attachment.Kind.PHOTO, "a\nb")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Attachment.of(Attachment.Kind.VOICE, "x".repeat(513)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whatTheCustomersAppSaysIsKeptOnlyWhereItCanBeShownAndAMimeTypeOnlyWhenItIsOne() {
        var attachment = new Attachment(Attachment.Kind.DOCUMENT, "doc-1", Optional.of(" invoice\u0000\n.pdf "),
                Optional.of(" Application/PDF "));
        assertThat(attachment.fileName()).contains("invoice.pdf");
        assertThat(attachment.mimeType()).contains("application/pdf");
        var odd = new Attachment(Attachment.Kind.DOCUMENT, "doc-2", Optional.of("\u0007"),
                Optional.of("text/html; charset=utf-8"));
        assertThat(odd.fileName()).isEmpty();
        assertThat(odd.mimeType()).isEmpty();
        assertThat(new Attachment(Attachment.Kind.DOCUMENT, "doc-3", Optional.of("ن".repeat(300)), Optional.empty())
                .fileName().orElseThrow()).hasSize(Attachment.MAX_FILE_NAME);
    }

    @Test
    void aBlankCaptionIsNoCaptionAndTheCaptionIsTheTranscriptText() {
        assertThat(new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, "p"), Optional.of(" \u200B ")).caption()).isEmpty();
        assertThat(new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, "p")).transcriptText()).isEmpty();
        assertThat(new Inbound.Media(Attachment.of(Attachment.Kind.PHOTO, "p"), Optional.of("bro\u0000ken")).transcriptText())
                .isEqualTo("broken");
    }
}
