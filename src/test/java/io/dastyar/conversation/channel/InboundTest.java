package io.dastyar.conversation.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dastyar.conversation.ChannelAddress;

/** What a channel hands over is cleaned or refused before it can reach the database or the bot. */
class InboundTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u200B", "\u200C", "\u00A0", "\u202E", "\uFEFF", "\u00AD", "\u0301",
            "\u200B\u200C \u2066\u2069", "\n\t"})
    void textWithNothingReadableIsEmpty(String invisible) {
        assertThat(new Inbound.Text(invisible).isEmpty()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"?", "a", "۵", "سلام", "e\u0301", "\u200Bhi", "😀"})
    void textWithAnythingReadableIsNot(String text) {
        assertThat(new Inbound.Text(text).isEmpty()).isFalse();
    }

    @Test
    void nulCharactersAreDroppedFromTextAndButtons() {
        assertThat(new Inbound.Text("wh\0ere").text()).isEqualTo("where");
        assertThat(new Inbound.Button("helped\0").payload()).isEqualTo("helped");
    }

    @Test
    void aMessageIdWithControlCharactersIsRefused() {
        var from = new ChannelAddress("web", "visitor");
        assertThatThrownBy(() -> new Inbound(from, "id\0", new Inbound.Text("hi"), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
        assertThat(new Inbound(from, "id-1", new Inbound.Text("hi"), Optional.empty()).clientMessageId())
                .isEqualTo("id-1");
    }
}
