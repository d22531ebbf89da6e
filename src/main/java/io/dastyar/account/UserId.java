package io.dastyar.account;

public record UserId(long value) {
}
