package io.dastyar.conversation;

public enum Author { CUSTOMER, BOT, AGENT, SYSTEM }
