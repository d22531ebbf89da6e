package io.dastyar.handoff.eta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;

import org.junit.jupiter.api.Test;

class GammaDistributionTest {

    @Test
    void shapeOneIsTheExponential() {
        for (double x : new double[] {0.01, 0.5, 1, 3, 30}) {
            assertThat(GammaDistribution.cdf(1, x)).isCloseTo(1 - Math.exp(-x), within(1e-12));
        }
        assertThat(GammaDistribution.quantile(1, 0.5)).isCloseTo(Math.log(2), within(1e-9));
    }

    @Test
    void aWholeShapeIsTheErlang() {
        for (double x : new double[] {0.1, 1, 2.5, 4, 12}) {
            double poissonBelowThree = Math.exp(-x) * (1 + x + x * x / 2);
            assertThat(GammaDistribution.cdf(3, x)).isCloseTo(1 - poissonBelowThree, within(1e-12));
        }
    }

    @Test
    void logGammaOfWholeNumbersIsTheLogFactorial() {
        double logFactorial = 0;
        for (int n = 1; n <= 30; n++) {
            assertThat(GammaDistribution.logGamma(n)).isCloseTo(logFactorial, within(1e-8 * Math.max(1, logFactorial)));
            logFactorial += Math.log(n);
        }
    }

    @Test
    void theQuantileInvertsTheCdfFromShortQueuesToVeryLongOnes() {
        qt().forAll(doubles().between(0.2, 1_000), doubles().between(0.01, 0.99)).checkAssert((shape, p) -> {
            double x = GammaDistribution.quantile(shape, p);

            assertThat(GammaDistribution.cdf(shape, x)).isCloseTo(p, within(1e-8));
        });
    }
}
