@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package io.dastyar.archfixture.app.alpha;
