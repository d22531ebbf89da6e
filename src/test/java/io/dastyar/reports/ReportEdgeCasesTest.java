package io.dastyar.reports;

import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The cases docs/reports.md settles explicitly, each on its own small data set. */
@ReportsTest
class ReportEdgeCasesTest {

    private static final LocalDate DAY = LocalDate.of(2024, 5, 6);
    private static final Instant NINE = DAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

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
        seed.agent("bob", "returns");
    }

    @Test
    void withoutAnyResponseTheSharesAreUnknownNotZero() {
        seed.conversation(NINE, "en").surveyed(ofMinutes(1)).closed(ofMinutes(2));
        Summary summary = summary();
        assertThat(summary.conversations()).isEqualTo(1);
        assertThat(summary.csat().responses()).isZero();
        assertThat(summary.csat().percent()).isNull();
        assertThat(summary.csat().responseRate()).isEqualTo(0.0);
        assertThat(summary.csat().distribution()).isEqualTo(Map.of("1", 0L, "2", 0L, "3", 0L, "4", 0L, "5", 0L));
        assertThat(summary.nps().score()).isNull();
        assertThat(summary.service().firstResponse().median()).isNull();
        assertThat(summary.service().transfersPerConversation()).isNull();
        assertThat(summary.bot().containmentWithGoodRating().count()).isZero();
    }

    @Test
    void anEmptyRangeHasNoFiguresAtAll() {
        Summary summary = summary();
        assertThat(summary.conversations()).isZero();
        assertThat(summary.csat().percent()).isNull();
        assertThat(summary.service().handOffRate()).isNull();
        assertThat(summary.bot().containment().percent()).isNull();
    }

    @Test
    void lateRatingsCountAndAreToldApart() {
        seed.conversation(NINE, "en").surveyed(ofMinutes(1)).closed(ofMinutes(61)).answer("RATING", 5, true, null, ofMinutes(300));
        seed.conversation(NINE, "en").surveyed(ofMinutes(1)).closed(ofMinutes(61)).answer("RATING", 2, true, null, ofMinutes(400));
        Summary summary = summary();
        assertThat(summary.csat().responses()).isEqualTo(2);
        assertThat(summary.csat().late()).isEqualTo(2);
        assertThat(summary.csat().percent()).isEqualTo(50.0);
    }

    @Test
    void aConversationTransferredTwiceCountsTwoTransfersAndBelongsToItsLastAgentAndTeam() {
        seed.conversation(NINE, "en")
                .log("QUEUED", null, ofMinutes(1))
                .log("ASSIGNED", "ana", ofMinutes(2))
                .log("FIRST_REPLY", "ana", ofMinutes(3))
                .log("TRANSFERRED", "ana", "team:returns", ofMinutes(4))
                .log("ASSIGNED", "bob", ofMinutes(6))
                .log("FIRST_REPLY", "bob", ofMinutes(7))
                .log("TRANSFERRED", "bob", "agent:ana", ofMinutes(8))
                .log("ASSIGNED", "ana", ofMinutes(9))
                .log("RESOLVED", "ana", ofMinutes(11))
                .surveyed(ofMinutes(11)).answer("RATING", 4, false, null, ofMinutes(12)).closed(ofMinutes(12));
        Summary summary = summary();
        assertThat(summary.service().transfers()).isEqualTo(2);
        assertThat(summary.service().transfersPerConversation()).isEqualTo(2.0);
        // From the first queue entry to the first reply of the first agent, not of each holder.
        assertThat(summary.service().firstResponse().median()).isEqualTo(120.0);
        assertThat(summary.service().queueWait().median()).isEqualTo(60.0);
        assertThat(summary.service().resolution().median()).isEqualTo(600.0);
        assertThat(summary.breakdowns().get("agent")).singleElement()
                .satisfies(row -> assertThat(row.key()).isEqualTo("ana"));
        assertThat(summary.breakdowns().get("team")).singleElement()
                .satisfies(row -> assertThat(row.key()).isEqualTo("returns"));
        assertThat(summary.breakdowns().get("handledBy")).singleElement()
                .satisfies(row -> assertThat(row.key()).isEqualTo("person"));
    }

    @Test
    void aReopenedConversationKeepsTheFirstResponseOfItsFirstHandOffAndResolvesWithItsLast() {
        seed.conversation(NINE, "en")
                .log("QUEUED", null, ofMinutes(1))
                .log("ASSIGNED", "ana", ofMinutes(3))
                .log("RESOLVED", "ana", ofMinutes(5))
                // The customer came back to the same conversation: a reply now is no first response to the first ask.
                .log("QUEUED", null, ofMinutes(30))
                .log("ASSIGNED", "bob", ofMinutes(31))
                .log("FIRST_REPLY", "bob", ofMinutes(32))
                .log("RESOLVED", "bob", ofMinutes(40))
                .closed(ofMinutes(41));
        Summary summary = summary();
        assertThat(summary.service().reopened()).isEqualTo(1);
        assertThat(summary.service().firstResponse().count()).isZero();
        // It waited 4 minutes for a reply that never came in its first hand-off: missed the 2-minute target.
        assertThat(summary.service().answeredWithinTarget().eligible()).isEqualTo(1);
        assertThat(summary.service().answeredWithinTarget().percent()).isEqualTo(0.0);
        assertThat(summary.service().resolution().median()).isEqualTo(39 * 60.0);
        assertThat(summary.service().handedOff()).isEqualTo(1);
    }

    @Test
    void aReplacedRatingCountsOnlyAsItsReplacement() {
        seed.conversation(NINE, "fa").surveyed(ofMinutes(1))
                .answer("RATING", 1, false, "bad", ofMinutes(2))
                .answer("RATING", 5, false, "sorry, I meant 5", ofMinutes(3))
                .closed(ofMinutes(4));
        Summary summary = summary();
        assertThat(summary.csat().responses()).isEqualTo(1);
        assertThat(summary.csat().percent()).isEqualTo(100.0);
        assertThat(summary.csat().replaced()).isEqualTo(1);
        assertThat(summary.csat().distribution().get("1")).isZero();
    }

    @Test
    void aCustomerWhoCameBackWithinTheWindowIsContainedButNotDurably() {
        seed.conversation(NINE, "en", "returning").closed(ofMinutes(5));
        seed.conversation(NINE.plus(ofMinutes(1)), "en", "content").closed(ofMinutes(5));
        seed.conversation(NINE.plusSeconds(3 * 24 * 3600), "en", "returning").closed(ofMinutes(5));
        Summary summary = summary(DAY, DAY);
        assertThat(summary.bot().containment().count()).isEqualTo(2);
        assertThat(summary.bot().durableContainment().count()).isEqualTo(1);
        assertThat(summary.bot().durableContainment().percent()).isEqualTo(50.0);
    }

    @Test
    void aConversationNobodyCouldHaveTakenIsLeftOutOfContainment() {
        seed.staffing("en", NINE.minus(ofMinutes(60)), false);
        seed.staffing("en", NINE.plus(ofMinutes(30)), true);
        seed.conversation(NINE, "en").closed(ofMinutes(5));
        seed.conversation(NINE.plus(ofMinutes(40)), "en").closed(ofMinutes(5));
        // Nobody at the start, but an agent came online before it closed: a person could have been asked for.
        seed.conversation(NINE.plus(ofMinutes(20)), "en").closed(ofMinutes(15));
        Summary summary = summary();
        assertThat(summary.bot().containment().eligible()).isEqualTo(2);
        assertThat(summary.bot().containment().percent()).isEqualTo(100.0);
    }

    @Test
    void aCustomerWhoGaveUpBeforeTheTargetIsNotCountedAgainstIt() {
        seed.conversation(NINE, "en").log("QUEUED", null, ofMinutes(1)).log("ENDED", null, "ENDED", ofSeconds(90))
                .closed(ofMinutes(2));
        seed.conversation(NINE, "en").log("QUEUED", null, ofMinutes(1)).log("ASSIGNED", "ana", ofMinutes(2))
                .log("FIRST_REPLY", "ana", ofSeconds(150)).log("RESOLVED", "ana", ofMinutes(5)).closed(ofMinutes(6));
        Summary summary = summary();
        assertThat(summary.service().answeredWithinTarget().eligible()).isEqualTo(1);
        assertThat(summary.service().answeredWithinTarget().percent()).isEqualTo(100.0);
        assertThat(summary.service().abandoned()).isEqualTo(1);
        assertThat(summary.service().handOffRate()).isEqualTo(100.0);
    }

    private Summary summary() {
        return summary(DAY, DAY.plusDays(6));
    }

    private Summary summary(LocalDate from, LocalDate to) {
        refresh.rebuild();
        return queries.summary(new ReportQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty()),
                Instant.now());
    }
}
