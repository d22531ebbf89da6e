package io.dastyar.handoff.eta;

/**
 * The Gamma distribution with unit rate: the time until the {@code shape}-th event of a Poisson process with one
 * event per unit of time (for a whole shape, the Erlang distribution). Scale a quantile by the mean time between
 * events to get it in real time. Regularised incomplete gamma by series and continued fraction (Numerical Recipes,
 * 6.2), so a long queue (shape in the hundreds) neither overflows nor loses precision.
 */
final class GammaDistribution {

    private static final double EPSILON = 1e-12;
    private static final int MAX_TERMS = 500;
    private static final double[] LANCZOS = {76.18009172947146, -86.50532032941677, 24.01409824083091,
            -1.231739572450155, 0.1208650973866179e-2, -0.5395239384953e-5};

    private GammaDistribution() {
    }

    /** P(X ≤ x) for X ~ Gamma(shape, 1). */
    static double cdf(double shape, double x) {
        if (x <= 0) {
            return 0;
        }
        return x < shape + 1 ? lowerSeries(shape, x) : 1 - upperContinuedFraction(shape, x);
    }

    /**
     * The x with P(X ≤ x) = p. Newton's method on the cdf from the Wilson-Hilferty approximation, kept inside a
     * bracket that bisection shrinks whenever a Newton step would leave it.
     */
    static double quantile(double shape, double p) {
        if (!(shape > 0 && p > 0 && p < 1)) {
            throw new IllegalArgumentException("need shape > 0 and 0 < p < 1: " + shape + ", " + p);
        }
        double low = 0;
        double high = Math.max(1, shape) * 2 + 20;
        while (cdf(shape, high) < p) {
            low = high;
            high *= 2;
        }
        double x = Math.min(Math.max(approximateMedian(shape), low), high);
        double logNormaliser = logGamma(shape);
        for (int step = 0; step < 100 && high - low > EPSILON * high; step++) {
            double error = cdf(shape, x) - p;
            if (Math.abs(error) < 1e-10) {
                return x;
            }
            if (error < 0) {
                low = x;
            } else {
                high = x;
            }
            double density = Math.exp((shape - 1) * Math.log(x) - x - logNormaliser);
            double next = x - error / density;
            x = next > low && next < high && Double.isFinite(next) ? next : (low + high) / 2;
        }
        return x;
    }

    /** ln Γ(a) for a > 0, Lanczos' approximation (about 1e-10 relative error). */
    static double logGamma(double a) {
        double x = a;
        double y = a;
        double tmp = x + 5.5;
        tmp -= (x + 0.5) * Math.log(tmp);
        double series = 1.000000000190015;
        for (double coefficient : LANCZOS) {
            series += coefficient / ++y;
        }
        return -tmp + Math.log(2.5066282746310005 * series / x);
    }

    private static double lowerSeries(double shape, double x) {
        double term = 1 / shape;
        double sum = term;
        for (int n = 1; n < MAX_TERMS; n++) {
            term *= x / (shape + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                break;
            }
        }
        return sum * Math.exp(-x + shape * Math.log(x) - logGamma(shape));
    }

    private static double upperContinuedFraction(double shape, double x) {
        double tiny = 1e-300;
        double b = x + 1 - shape;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_TERMS; i++) {
            double an = -i * (i - shape);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return Math.exp(-x + shape * Math.log(x) - logGamma(shape)) * h;
    }

    /** Within a few per cent of the median even for shape 1 (Wilson and Hilferty, 1931). */
    private static double approximateMedian(double shape) {
        double spread = 1 - 1 / (9 * shape);
        return shape * Math.max(spread * spread * spread, 1e-6);
    }
}
