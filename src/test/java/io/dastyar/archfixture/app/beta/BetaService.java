package io.dastyar.archfixture.app.beta;

import io.dastyar.archfixture.app.alpha.internal.AlphaInternal;

public class BetaService {

    AlphaInternal reachesIn = new AlphaInternal();
}
