package io.dastyar.archfixture.app.alpha.spi;

public interface AlphaSpi {
}
