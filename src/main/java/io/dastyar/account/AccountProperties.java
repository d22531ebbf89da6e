package io.dastyar.account;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code support.account.*}. The first admin's password has no default and belongs in the environment
 * ({@code DASTYAR_ADMIN_PASSWORD}); without it a random one is generated and logged once.
 */
@Validated
@ConfigurationProperties("support.account")
record AccountProperties(
        @DefaultValue("admin") @NotBlank String initialAdminUsername,
        @Pattern(regexp = "|.{10,}", message = "must be at least 10 characters") String initialAdminPassword) {
}
