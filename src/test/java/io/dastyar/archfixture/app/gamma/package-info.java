/** Declares no dependencies at all, yet uses alpha's API. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.dastyar.archfixture.app.gamma;
