package io.dastyar.account;

/**
 * What a signed-in user may do. Agents work their own chats; supervisors also see every chat, reassign chats,
 * follow up unhappy customers and read the reports; admins can do all of that and manage the service.
 */
public enum Role { AGENT, SUPERVISOR, ADMIN }
