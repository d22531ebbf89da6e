package io.dastyar.archfixture.app.beta;

import io.dastyar.archfixture.app.alpha.AlphaApi;
import io.dastyar.archfixture.app.alpha.internal.AlphaInternal;
import io.dastyar.archfixture.app.alpha.spi.AlphaSpi;

public class BetaService {
    AlphaApi allowed = new AlphaApi();
    AlphaInternal reachesIn = new AlphaInternal();
    AlphaSpi notDeclared;
}
