package io.dastyar.archfixture.app.alpha.internal;

public class AlphaInternal {
}
