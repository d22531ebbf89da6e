/**
 * Agents' and admins' accounts: sign-in, the first admin, and the admin page that adds users.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts", allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package io.dastyar.account;
