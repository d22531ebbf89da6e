package io.dastyar.reports;

import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scheduled refresh computes again only what changed since the last one, and the daily roll-ups follow: after
 * each change the figures are those a full rebuild computes.
 */
@ReportsTest
class IncrementalRefreshTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    FactRefresh refresh;
    @Autowired
    ReportQueries queries;
    @Autowired
    ReportSeries series;
    @Autowired
    Clock clock;

    private Seed seed;
    private Instant now;

    @BeforeEach
    void cleanSlate() {
        seed = new Seed(jdbc);
        seed.clear();
        seed.agent("ana", "billing");
        now = clock.instant();
    }

    @Test
    void newLogRowsAndNewConversationsAreCountedByTheNextRefresh() {
        var waiting = seed.conversation(now.minus(ofHours(2)), "en")
                .log("QUEUED", null, ofMinutes(1)).log("ASSIGNED", "ana", ofMinutes(2));
        refresh.rebuild();
        assertThat(summary().service().firstResponse().count()).isZero();

        waiting.log("FIRST_REPLY", "ana", ofSeconds(60 + 95)).log("RESOLVED", "ana", ofMinutes(10)).closed(ofMinutes(11));
        seed.conversation(now.minus(ofHours(1)), "fa").surveyed(ofMinutes(1)).closed(ofMinutes(2))
                .answer("RATING", 5, false, null, ofMinutes(3));
        refresh.refresh();

        Summary summary = summary();
        assertThat(summary.conversations()).isEqualTo(2);
        assertThat(summary.service().firstResponse().count()).isEqualTo(1);
        assertThat(summary.service().firstResponse().median()).isEqualTo(95.0);
        assertThat(summary.csat().responses()).isEqualTo(1);
        assertThat(summary.breakdowns().get("language")).extracting(Summary.Breakdown::key).contains("en", "fa");
        assertThatTheRollupsAreThoseOfARebuild();
    }

    @Test
    void aCustomerComingBackChangesTheirEarlierConversationsDurableContainment() {
        seed.conversation(now.minus(ofHours(3)), "en", "returning").closed(ofMinutes(5));
        refresh.rebuild();
        assertThat(summary().bot().durableContainment().eligible()).isZero();

        seed.conversation(now.minus(ofMinutes(30)), "en", "returning");
        refresh.refresh();

        Summary summary = summary();
        assertThat(summary.bot().durableContainment().eligible()).isEqualTo(1);
        assertThat(summary.bot().durableContainment().count()).isZero();
        assertThatTheRollupsAreThoseOfARebuild();
    }

    @Test
    void aSettledConversationIsNotComputedAgainUntilARebuild() {
        Instant longAgo = now.minus(ofDays(20));
        var settled = seed.conversation(longAgo, "en").surveyed(ofMinutes(1)).closed(ofMinutes(2));
        refresh.rebuild();
        settled.answer("RATING", 1, false, "a data correction", ofMinutes(3));
        refresh.refresh();
        assertThat(summary(longAgo).csat().responses()).isZero();

        refresh.rebuild();
        assertThat(summary(longAgo).csat().responses()).isEqualTo(1);
    }

    private void assertThatTheRollupsAreThoseOfARebuild() {
        Summary incremental = summary();
        ReportSeries.Series incrementalSeries = series.of(query(now), java.time.DayOfWeek.MONDAY);
        refresh.rebuild();
        assertThat(summary()).isEqualTo(incremental);
        assertThat(series.of(query(now), java.time.DayOfWeek.MONDAY)).isEqualTo(incrementalSeries);
    }

    private Summary summary() {
        return summary(now);
    }

    private Summary summary(Instant around) {
        return queries.summary(query(around), Instant.EPOCH);
    }

    private static ReportQuery query(Instant around) {
        LocalDate day = LocalDate.ofInstant(around, ZoneOffset.UTC);
        return new ReportQuery(day.minusDays(2), day.plusDays(1), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
