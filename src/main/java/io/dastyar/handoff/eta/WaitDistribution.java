package io.dastyar.handoff.eta;

/**
 * The predicted wait of a customer with customers still ahead, as a Gamma distribution (in seconds).
 *
 * <p>With every slot busy, chats end at {@code slots / meanHandle} a second, and each waiting customer gives up at
 * {@code giveUpRate} a second. With {@code j} customers ahead the customer moves up at {@code serveRate + j ×
 * giveUpRate}; with none ahead they get the next slot to free. So the wait is a sum of exponential steps whose mean
 * and variance add up; the Gamma with the same mean and variance stands for it. Nobody giving up leaves the exact
 * Erlang wait, Gamma(ahead + 1, serveRate).
 */
record WaitDistribution(double shape, double scaleSeconds) {

    static WaitDistribution ofSteps(int ahead, double serveRate, double giveUpRate) {
        double mean = 0;
        double variance = 0;
        for (int j = 0; j <= ahead; j++) {
            double stepMean = 1 / (serveRate + giveUpRate * j);
            mean += stepMean;
            variance += stepMean * stepMean;
        }
        return new WaitDistribution(mean * mean / variance, variance / mean);
    }

    double quantileSeconds(double p) {
        return scaleSeconds * GammaDistribution.quantile(shape, p);
    }
}
