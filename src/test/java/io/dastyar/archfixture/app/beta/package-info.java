/** Allowed to use alpha's API, but not its "spi" named interface, nor its internals. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "alpha")
package io.dastyar.archfixture.app.beta;
