package io.dastyar.archfixture.app.gamma;

import io.dastyar.archfixture.app.alpha.AlphaApi;

public class GammaService {
    AlphaApi undeclared = new AlphaApi();
}
