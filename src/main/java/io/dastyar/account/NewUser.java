package io.dastyar.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an admin fills in to add a user. */
public record NewUser(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}",
                message = "3 to 64 letters, digits, dots, dashes, underscores or @") String username,
        @NotBlank @Size(max = 128) String displayName,
        @NotNull @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
        @NotNull Role role) {
}
