package io.dastyar.reports;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of docs/reports.md from seeded data: a random week whose expected figures the test computes from
 * what it generated (not from the database), and the edge cases one by one.
 */
@ReportsTest
class ReportFiguresTest {

    private static final LocalDate FIRST = LocalDate.of(2024, 3, 1);
    private static final LocalDate LAST = FIRST.plusDays(6);
    private static final Instant FA_CLOSED_FROM = FIRST.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant FA_CLOSED_UNTIL = FIRST.plusDays(3).atStartOfDay().toInstant(ZoneOffset.UTC);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FactRefresh refresh;
    @Autowired
    ReportQueries queries;

    private Seed seed;

    @BeforeEach
    void cleanSlate() {
        seed = new Seed(jdbc);
        seed.clear();
        seed.agent("ana", "billing");
        seed.agent("bob", "billing,returns");
        seed.agent("cyrus", "");
    }

    /** What the test generated for one conversation, and so knows about it. */
    record Spec(String language, Instant start, Instant end, Optional<Duration> queuedAfter, Optional<Duration> queueWait,
                Optional<Duration> firstReply, Optional<Duration> resolution, int transfers, Optional<Integer> rating,
                boolean late, boolean replaced, Optional<Integer> nps, boolean surveyed, int questions,
                int unanswered) {

        boolean assigned() {
            return queueWait.isPresent();
        }
    }

    @Test
    void aRandomWeeksFiguresAreThoseComputedFromWhatWasSeeded() {
        seed.staffing("en", FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC), true);
        seed.staffing("fa", FIRST.minusDays(30).atStartOfDay().toInstant(ZoneOffset.UTC), true);
        seed.staffing("fa", FA_CLOSED_FROM, false);
        seed.staffing("fa", FA_CLOSED_UNTIL, true);
        var random = new Random(13);
        var specs = new ArrayList<Spec>();
        for (int i = 0; i < 300; i++) {
            specs.add(generate(random));
        }
        Summary summary = summarise(FIRST, LAST);

        List<Spec> rated = specs.stream().filter(spec -> spec.rating.isPresent()).toList();
        long good = rated.stream().filter(spec -> spec.rating.get() >= 4).count();
        assertThat(summary.conversations()).isEqualTo(300);
        assertThat(summary.csat().responses()).isEqualTo(rated.size());
        assertThat(summary.csat().percent()).isCloseTo(100.0 * good / rated.size(), within(0.05));
        assertThat(summary.csat().surveys()).isEqualTo(specs.stream().filter(Spec::surveyed).count());
        assertThat(summary.csat().late()).isEqualTo(rated.stream().filter(Spec::late).count());
        assertThat(summary.csat().replaced()).isEqualTo(rated.stream().filter(Spec::replaced).count());
        for (int score = 1; score <= 5; score++) {
            int s = score;
            assertThat(summary.csat().distribution().get(Integer.toString(score)))
                    .isEqualTo(rated.stream().filter(spec -> spec.rating.get() == s).count());
        }
        List<Integer> nps = specs.stream().flatMap(spec -> spec.nps.stream()).toList();
        long promoters = nps.stream().filter(score -> score >= 9).count();
        long detractors = nps.stream().filter(score -> score <= 6).count();
        assertThat(summary.nps().responses()).isEqualTo(nps.size());
        assertThat(summary.nps().score()).isCloseTo(100.0 * (promoters - detractors) / nps.size(), within(0.05));

        assertSpread(summary.service().firstResponse(), specs.stream().flatMap(spec -> spec.firstReply.stream()).toList());
        assertSpread(summary.service().queueWait(), specs.stream().flatMap(spec -> spec.queueWait.stream()).toList());
        assertSpread(summary.service().resolution(), specs.stream().flatMap(spec -> spec.resolution.stream()).toList());
        long handedOff = specs.stream().filter(spec -> spec.queuedAfter.isPresent()).count();
        long assigned = specs.stream().filter(Spec::assigned).count();
        assertThat(summary.service().handedOff()).isEqualTo(handedOff);
        assertThat(summary.service().handOffRate()).isCloseTo(100.0 * handedOff / 300, within(0.05));
        assertThat(summary.service().transfersPerConversation()).isCloseTo(
                specs.stream().mapToInt(Spec::transfers).sum() / (double) assigned, within(0.005));
        long answeredInTime = specs.stream().filter(spec -> spec.firstReply.filter(reply -> reply.toSeconds() <= 120).isPresent()).count();
        long targetEligible = specs.stream().filter(spec -> spec.firstReply.isPresent()
                // The hand-off ended (resolved or ended) 30 s before the conversation closed.
                || spec.queuedAfter.isPresent() && Duration.between(spec.start.plus(spec.queuedAfter.get()),
                spec.end.minusSeconds(30)).toSeconds() > 120).count();
        assertThat(summary.service().answeredWithinTarget().answered()).isEqualTo(answeredInTime);
        assertThat(summary.service().answeredWithinTarget().eligible()).isEqualTo(targetEligible);

        List<Spec> eligible = specs.stream().filter(spec -> spec.assigned() || available(spec)).toList();
        List<Spec> contained = eligible.stream().filter(spec -> spec.queuedAfter.isEmpty()).toList();
        assertThat(eligible.size()).as("the fa closing excludes some").isLessThan(300);
        assertThat(summary.bot().containment().eligible()).isEqualTo(eligible.size());
        assertThat(summary.bot().containment().count()).isEqualTo(contained.size());
        assertThat(summary.bot().containment().percent()).isCloseTo(100.0 * contained.size() / eligible.size(), within(0.05));
        assertThat(summary.bot().containmentWithGoodRating().count())
                .isEqualTo(contained.stream().filter(spec -> spec.rating.filter(r -> r >= 4).isPresent()).count());
        assertThat(summary.bot().durableContainment().count()).isEqualTo(contained.size());
        assertThat(summary.bot().questions()).isEqualTo(specs.stream().mapToInt(Spec::questions).sum());
        assertThat(summary.bot().unanswered()).isEqualTo(specs.stream().mapToInt(Spec::unanswered).sum());

        Summary persian = queries.summary(new ReportQuery(FIRST, LAST, Optional.empty(), Optional.of("fa"),
                Optional.empty()), Instant.now());
        assertThat(persian.conversations()).isEqualTo(specs.stream().filter(spec -> spec.language.equals("fa")).count());
    }

    private Spec generate(Random random) {
        String language = random.nextBoolean() ? "en" : "fa";
        Instant start = FIRST.plusDays(random.nextInt(7)).atTime(8, 0).toInstant(ZoneOffset.UTC)
                .plusSeconds(random.nextInt(10 * 3600));
        var conversation = seed.conversation(start, language);
        int questions = random.nextInt(3);
        int unanswered = 0;
        for (int q = 0; q < questions; q++) {
            boolean known = random.nextBoolean();
            unanswered += known ? 0 : 1;
            conversation.question(known ? "article-" + random.nextInt(4) : null, ofSeconds(q * 10L + 1));
        }
        Optional<Duration> queuedAfter = Optional.empty();
        Optional<Duration> wait = Optional.empty();
        Optional<Duration> firstReply = Optional.empty();
        Optional<Duration> resolution = Optional.empty();
        int transfers = 0;
        Duration end = ofMinutes(3 + random.nextInt(30));
        if (random.nextDouble() < 0.4) {
            Duration queued = ofSeconds(60 + random.nextInt(120));
            queuedAfter = Optional.of(queued);
            conversation.log("QUEUED", null, queued);
            Duration t = queued.plusSeconds(5 + random.nextInt(600));
            if (random.nextDouble() < 0.85) {
                String[] agents = {"ana", "bob", "cyrus"};
                wait = Optional.of(t.minus(queued));
                conversation.log("ASSIGNED", agents[random.nextInt(3)], t);
                if (random.nextDouble() < 0.9) {
                    t = t.plusSeconds(1 + random.nextInt(300));
                    firstReply = Optional.of(t.minus(queued));
                    conversation.log("FIRST_REPLY", null, t);
                }
                transfers = random.nextInt(3);
                for (int k = 0; k < transfers; k++) {
                    t = t.plusSeconds(30);
                    conversation.log("TRANSFERRED", null, k == 0 ? "team:returns" : "agent:bob", t);
                    t = t.plusSeconds(30);
                    conversation.log("ASSIGNED", "bob", t);
                }
                t = t.plusSeconds(60 + random.nextInt(600));
                resolution = Optional.of(t.minus(queued));
                conversation.log("RESOLVED", null, t);
            } else {
                conversation.log("ENDED", null, "ENDED", t);
            }
            end = t.plusSeconds(30);
        }
        conversation.closed(end);
        boolean surveyed = random.nextDouble() < 0.8;
        Optional<Integer> rating = Optional.empty();
        Optional<Integer> nps = Optional.empty();
        boolean late = false;
        boolean replaced = false;
        if (surveyed) {
            conversation.surveyed(end.minusSeconds(10));
            if (random.nextDouble() < 0.6) {
                late = random.nextDouble() < 0.1;
                replaced = random.nextDouble() < 0.1;
                if (replaced) {
                    conversation.answer("RATING", 1 + random.nextInt(5), false, "first thoughts", end.minusSeconds(8));
                }
                rating = Optional.of(1 + random.nextInt(5));
                conversation.answer("RATING", rating.get(), late, null, end.minusSeconds(5));
            }
            if (random.nextDouble() < 0.3) {
                nps = Optional.of(random.nextInt(11));
                conversation.answer("NPS", nps.get(), false, null, end.minusSeconds(2));
            }
        }
        return new Spec(language, start, start.plus(end), queuedAfter, wait, firstReply, resolution, transfers, rating,
                late, replaced, nps, surveyed, questions, unanswered);
    }

    /** Persian customers had nobody on the third day; English ones always had someone. */
    private static boolean available(Spec spec) {
        Instant until = spec.queuedAfter.map(spec.start::plus).orElse(spec.end);
        boolean withinClosing = !spec.start.isBefore(FA_CLOSED_FROM) && until.isBefore(FA_CLOSED_UNTIL);
        return !(spec.language.equals("fa") && withinClosing);
    }

    private static void assertSpread(Summary.Spread spread, List<Duration> values) {
        List<Double> seconds = values.stream().map(value -> (double) value.toSeconds()).sorted(Comparator.naturalOrder()).toList();
        assertThat(spread.count()).isEqualTo(seconds.size());
        assertThat(spread.median()).isCloseTo(interpolated(seconds, 0.5), within(0.051));
        assertThat(spread.p90()).isCloseTo(interpolated(seconds, 0.9), within(0.051));
    }

    /** The percentile between the two nearest ranks, as spreadsheets' PERCENTILE computes it. */
    static double interpolated(List<Double> sorted, double p) {
        double rank = p * (sorted.size() - 1);
        int below = (int) Math.floor(rank);
        int above = (int) Math.ceil(rank);
        return sorted.get(below) + (rank - below) * (sorted.get(above) - sorted.get(below));
    }

    private Summary summarise(LocalDate from, LocalDate to) {
        refresh.rebuild();
        return queries.summary(new ReportQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty()),
                Instant.now());
    }
}
