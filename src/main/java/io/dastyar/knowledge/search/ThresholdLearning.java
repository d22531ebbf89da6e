package io.dastyar.knowledge.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.system.Language;

/**
 * Lets customers' verdicts refine the confidence threshold. A threshold calibrated on example questions tends
 * to be too optimistic on real traffic, so once there is enough feedback in a language, the threshold rises to
 * the lowest score above which at most a third of the judged answers did not help. It only ever rises above
 * the configured one: feedback can make the bot more careful, never bolder.
 */
@Component
public class ThresholdLearning {

    private static final Logger log = LoggerFactory.getLogger(ThresholdLearning.class);
    public static final int ENOUGH_FEEDBACK = 30;
    static final double MOST_NOT_HELPED = 1.0 / 3;

    /** What the feedback says about one language's threshold, for the admins. */
    public record Advice(Language language, int judged, double helpedShare, OptionalDouble suggested, double configured,
                  double effective) {
    }

    record Verdict(double score, boolean helped) {
    }

    private final JdbcClient jdbc;
    private final KnowledgeProperties properties;
    private volatile Map<Language, Double> learned = Map.of();

    ThresholdLearning(JdbcClient jdbc, KnowledgeProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    public double threshold(Language language) {
        double configured = properties.thresholds().of(language);
        return properties.learnThreshold() ? Math.max(configured, learned.getOrDefault(language, 0.0)) : configured;
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 1_000)
    void relearn() {
        var next = new EnumMap<Language, Double>(Language.class);
        for (Language language : Language.values()) {
            suggest(verdicts(language)).ifPresent(threshold -> next.put(language, threshold));
        }
        if (!next.equals(learned)) {
            log.info("Thresholds learned from feedback: {}", next);
        }
        learned = Map.copyOf(next);
    }

    public Advice advice(Language language) {
        List<Verdict> verdicts = verdicts(language);
        double helped = verdicts.isEmpty() ? 0 : (double) verdicts.stream().filter(Verdict::helped).count() / verdicts.size();
        return new Advice(language, verdicts.size(), helped, suggest(verdicts), properties.thresholds().of(language),
                threshold(language));
    }

    /** The lowest score above which at most a third of the answers did not help; none without enough feedback. */
    static OptionalDouble suggest(List<Verdict> verdicts) {
        if (verdicts.size() < ENOUGH_FEEDBACK) {
            return OptionalDouble.empty();
        }
        List<Verdict> byScore = new ArrayList<>(verdicts);
        byScore.sort(Comparator.comparingDouble(Verdict::score));
        int notHelpedAbove = (int) byScore.stream().filter(verdict -> !verdict.helped()).count();
        for (int i = 0; i < byScore.size(); i++) {
            int above = byScore.size() - i;
            if (notHelpedAbove <= MOST_NOT_HELPED * above) {
                return OptionalDouble.of(byScore.get(i).score());
            }
            notHelpedAbove -= byScore.get(i).helped() ? 0 : 1;
        }
        return OptionalDouble.of(1.0);
    }

    /** Answers that were judged, with the confidence they were given with; a hand-off counts as not helped. */
    private List<Verdict> verdicts(Language language) {
        return jdbc.sql("""
                        SELECT q.score, f.verdict FROM kb_question q
                        JOIN kb_feedback f ON f.conversation_id = q.conversation_id AND f.article_id = q.article_id
                                          AND f.language = q.language
                        WHERE q.language = ? AND q.score IS NOT NULL""")
                .param(language.tag())
                .query((rs, row) -> new Verdict(rs.getDouble(1), "HELPED".equals(rs.getString(2))))
                .list();
    }
}
