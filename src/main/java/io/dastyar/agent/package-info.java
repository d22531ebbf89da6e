/**
 * The agents' console.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agent console")
package io.dastyar.agent;
