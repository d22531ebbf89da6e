/**
 * Cross-cutting configuration: security, the languages we speak, and other settings every feature shares.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System", allowedDependencies = "account")
@org.jspecify.annotations.NullMarked
package io.dastyar.system;
