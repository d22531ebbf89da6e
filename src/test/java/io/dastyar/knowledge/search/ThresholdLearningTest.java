package io.dastyar.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dastyar.knowledge.search.ThresholdLearning.Verdict;


class ThresholdLearningTest {

    @Test
    void withTooLittleFeedbackNothingIsSuggested() {
        assertThat(ThresholdLearning.suggest(verdicts(10, 0.2, 0.9, 0.5))).isEmpty();
    }

    @Test
    void suggestsTheLowestScoreAboveWhichAtMostAThirdDidNotHelp() {
        var verdicts = new ArrayList<Verdict>();
        // Weak matches (0.40-0.49) mostly did not help; strong ones (0.60-0.69) mostly did.
        for (int i = 0; i < 20; i++) {
            verdicts.add(new Verdict(0.40 + i / 200.0, i % 5 == 0));
            verdicts.add(new Verdict(0.60 + i / 200.0, i % 5 != 0));
        }
        double suggested = ThresholdLearning.suggest(verdicts).orElseThrow();
        assertThat(suggested).isBetween(0.45, 0.61);

        long notHelpedAbove = verdicts.stream().filter(v -> v.score() >= suggested && !v.helped()).count();
        long above = verdicts.stream().filter(v -> v.score() >= suggested).count();
        assertThat((double) notHelpedAbove / above).isLessThanOrEqualTo(1.0 / 3);
    }

    @Test
    void whenEverythingHelpsTheLowestScoreIsEnough() {
        assertThat(ThresholdLearning.suggest(verdicts(40, 0.3, 0.8, 1.0))).hasValue(0.3);
    }

    private static List<Verdict> verdicts(int count, double lowest, double highest, double helpedShare) {
        var verdicts = new ArrayList<Verdict>();
        for (int i = 0; i < count; i++) {
            verdicts.add(new Verdict(lowest + (highest - lowest) * i / Math.max(1, count - 1), i < helpedShare * count));
        }
        return verdicts;
    }
}
