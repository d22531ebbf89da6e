package io.dastyar.account;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * {@code support.account.*}. The first admin's password has no default and belongs in the environment
 * ({@code DASTYAR_ADMIN_PASSWORD}); without it a random one is generated and logged once.
 */
@Validated
@ConfigurationProperties("support.account")
record AccountProperties(
        @DefaultValue("admin") @NotBlank String initialAdminUsername,
        @Pattern(regexp = "|.{10,}", message = "must be at least 10 characters") String initialAdminPassword,
        @DefaultValue @NotNull @Valid SignIn signIn) {

    /**
     * {@code support.account.sign-in.*}: how fast passwords may be guessed. Every failed sign-in (form or HTTP
     * Basic) takes one attempt from the username's allowance and one from the client address's; a successful one
     * gives its attempt back. An empty allowance refuses sign-in, even with the right password, until it refills:
     * one attempt back every {@code *-refill}, so nobody is locked out for good.
     *
     * @param attemptsPerAccount failed attempts in a row one username may make before it has to wait
     * @param accountRefill      how long that username then waits for each further attempt
     * @param attemptsPerAddress failed attempts in a row one client address may make, whatever the usernames
     * @param addressRefill      how long that address then waits for each further attempt
     */
    record SignIn(
            @DefaultValue("5") @Min(1) @Max(1_000) int attemptsPerAccount,
            @DefaultValue("1m") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration accountRefill,
            @DefaultValue("20") @Min(1) @Max(100_000) int attemptsPerAddress,
            @DefaultValue("15s") @NotNull @DurationMin(seconds = 1) @DurationMax(hours = 24) Duration addressRefill) {
    }
}
