package io.dastyar.account;

/** What a signed-in user may do. Admins can also work as agents. */
public enum Role { AGENT, ADMIN }
