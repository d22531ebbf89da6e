package io.dastyar.handoff.replay;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import io.dastyar.handoff.eta.ShownWait;

/**
 * What a replayed day showed customers and how it turned out. Only customers who got an agent have an actual wait
 * to score; those who gave up, or were still waiting when the desk closed, are counted but not scored.
 */
public record ReplayResult(DayScript script, List<Notice> notices, int customers, int assigned, int abandoned,
        int leftWaiting) {

    /** How close one forecaster came, over the notices where every forecaster said something. */
    public record Score(int notices, double medianErrorMinutes, double p90ErrorMinutes, double coverage,
            double meanShownWidthMinutes) {
    }

    public Score score(int forecaster) {
        return score(forecaster, notice -> true);
    }

    public Score score(int forecaster, Predicate<Notice> which) {
        List<Notice> comparable = notices.stream().filter(which)
                .filter(notice -> notice.forecasts().stream().allMatch(forecast -> forecast.isPresent())).toList();
        double[] errors = new double[comparable.size()];
        int shown = 0;
        int covered = 0;
        double width = 0;
        for (int i = 0; i < errors.length; i++) {
            Notice notice = comparable.get(i);
            WaitForecaster.Forecast forecast = notice.forecasts().get(forecaster).orElseThrow();
            errors[i] = Math.abs(minutes(forecast.point().toMillis()) - minutes(notice.actualRemaining().toMillis()));
            ShownWait range = forecast.shown();
            if (range != null) {
                shown++;
                covered += range.covers(notice.actualRemaining()) ? 1 : 0;
                width += range.toMinutes() - range.fromMinutes();
            }
        }
        Arrays.sort(errors);
        return new Score(errors.length, quantile(errors, 0.5), quantile(errors, 0.9),
                shown == 0 ? Double.NaN : (double) covered / shown, shown == 0 ? Double.NaN : width / shown);
    }

    /** Notices on which a forecaster said nothing (the estimate, when no agent was online), left out of scores. */
    public long silent(int forecaster) {
        return notices.stream().filter(notice -> notice.forecasts().get(forecaster).isEmpty()).count();
    }

    /** Those told when the wait was longer than a minute: the customers for whom the estimate matters. */
    public static Predicate<Notice> longerThanAMinute() {
        return notice -> notice.actualRemaining().toSeconds() > 60;
    }

    /** Nearest rank, the smallest error at least that share of the notices had. */
    static double quantile(double[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.max(0, (int) Math.ceil(share * sorted.length) - 1)];
    }

    private static double minutes(long millis) {
        return millis / 60_000.0;
    }
}
