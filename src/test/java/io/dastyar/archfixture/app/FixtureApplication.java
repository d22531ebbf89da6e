package io.dastyar.archfixture.app;

import org.springframework.modulith.Modulith;

/** Root of a tiny application whose "beta" feature reaches into "alpha"'s internals, for ModularityTest. */
@Modulith
public class FixtureApplication {
}
