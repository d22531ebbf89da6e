/**
 * Agents' and admins' accounts: sign-in, the first admin, and the admin page that adds users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package io.dastyar.account;
