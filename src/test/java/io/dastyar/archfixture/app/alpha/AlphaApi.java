package io.dastyar.archfixture.app.alpha;

public class AlphaApi {
}
