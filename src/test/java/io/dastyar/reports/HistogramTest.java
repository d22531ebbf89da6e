package io.dastyar.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Percentiles from added-up histograms are those of the durations themselves (ReportFiguresTest's definition). */
class HistogramTest {

    @Test
    void percentilesOfMergedHistogramsAreTheInterpolatedPercentilesOfAllTheDurations() {
        var random = new Random(41);
        for (int trial = 0; trial < 200; trial++) {
            var all = new ArrayList<Double>();
            var merged = new Histogram();
            for (int part = 0; part < 1 + random.nextInt(5); part++) {
                var histogram = new Histogram();
                for (int i = 0; i < 1 + random.nextInt(30); i++) {
                    int seconds = random.nextInt(random.nextBoolean() ? 20 : 5000);
                    histogram.add(seconds);
                    all.add((double) seconds);
                }
                merged.addAll(Histogram.parse(histogram.toString()));
            }
            List<Double> sorted = all.stream().sorted().toList();
            for (double p : new double[]{0.0, 0.5, 0.9, 1.0}) {
                double expected = Math.round(ReportFiguresTest.interpolated(sorted, p) * 10.0) / 10.0;
                assertThat(merged.percentile(p)).as("p%s of %s", p, sorted).isEqualTo(expected);
            }
            assertThat(merged.count()).isEqualTo(all.size());
            assertThat(merged.atMost(120)).isEqualTo(all.stream().filter(s -> s <= 120).count());
            assertThat(merged.above(120)).isEqualTo(all.stream().filter(s -> s > 120).count());
        }
    }

    @Test
    void anEmptyHistogramHasNoPercentileAndReadsBackEmpty() {
        assertThat(new Histogram().percentile(0.5)).isNull();
        assertThat(Histogram.parse("").count()).isZero();
        assertThat(Histogram.parse("3:2,10:1").toString()).isEqualTo("3:2,10:1");
        assertThat(Histogram.parse("3:2,10:1").between(0, 10)).isEqualTo(2);
    }
}
