package io.dastyar.agent;

import org.jspecify.annotations.Nullable;

import io.dastyar.system.Language;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin fills in for a canned response. The messages are the staff bundles' ({@code
 * NotBlank.cannedResponse.shortcut} and so on); a blank shortcut is only "fill this in", not also a bad pattern.
 */
record CannedResponseForm(
        @NotNull @Nullable Language language,
        @NotBlank @Pattern(regexp = "|[\\p{L}\\p{N}_-]{1,32}") @Nullable String shortcut,
        @NotBlank @Size(max = 80) @Nullable String title,
        @NotBlank @Size(max = 1000) @Nullable String text) {

    static CannedResponseForm empty(Language language) {
        return new CannedResponseForm(language, "", "", "");
    }

    static CannedResponseForm of(CannedResponses.Response response) {
        return new CannedResponseForm(response.language(), response.shortcut(), response.title(), response.text());
    }
}
