package io.dastyar.reports;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.dastyar.conversation.QueueOutlook;
import io.dastyar.support.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The dashboard's queries on a year of traffic in PostgreSQL: 1,000,000 conversations (30% handed to a person,
 * with four hand-off log rows each), 300,000 ratings and 100,000 NPS answers, 1,000,000 questions. Times the
 * summary and the charts' series for a 90-day range (all, one language, one agent), the Prometheus snapshot, and
 * the steady-state refresh: minutes of new traffic, computed incrementally (with {@code REPORTS_FULL_REFRESH=true},
 * first the full pass over the last eight days' unsettled conversations). Run with
 * {@code ./mvnw -Preports-benchmark verify}; figures in docs/performance.md.
 */
public final class ReportsBenchmark {

    private static final int CONVERSATIONS = 1_000_000;
    private static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    private static final int RUNS = 7;

    public static void main(String[] args) {
        // Pooled, as in the application: a connection per statement would time PostgreSQL's start-up of a backend.
        var pool = new HikariConfig();
        pool.setDataSource(TestPostgres.server().getPostgresDatabase());
        pool.setMaximumPoolSize(4);
        DataSource dataSource = new HikariDataSource(pool);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("DROP SCHEMA public CASCADE").update();
        jdbc.sql("CREATE SCHEMA public").update();
        Flyway.configure().dataSource(dataSource).load().migrate();
        long seeding = System.nanoTime();
        seed(jdbc);
        System.out.printf("Seeded in %d s%n", (System.nanoTime() - seeding) / 1_000_000_000);

        var settings = new ReportsProperties(ZoneOffset.UTC, Duration.ofMinutes(2), Duration.ofDays(7),
                Duration.ofDays(8), Duration.ofMinutes(1), 366);
        var transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        var store = new FactStore(jdbc, new JdbcTemplate(dataSource));
        var rollup = new Rollup(jdbc, new JdbcTemplate(dataSource), store, transactions);
        long rolling = System.nanoTime();
        jdbc.sql("INSERT INTO report_dirty_day (day) SELECT DISTINCT day FROM report_conversation").update();
        rollup.update();
        jdbc.sql("ANALYZE").update();
        System.out.printf("Daily roll-ups of the year computed in %d s%n", (System.nanoTime() - rolling) / 1_000_000_000);
        var queries = new ReportQueries(rollup, store, settings);
        var series = new ReportSeries(rollup, store);
        LocalDate to = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        LocalDate from = to.minusDays(89);
        var all = new ReportQuery(from, to, Optional.empty(), Optional.empty(), Optional.empty());
        var persian = new ReportQuery(from, to, Optional.empty(), Optional.of("fa"), Optional.empty());
        var agent = new ReportQuery(from, to, Optional.empty(), Optional.empty(), Optional.of("agent7"));
        System.out.printf("90-day range: %d conversations, %d ratings%n",
                queries.summary(all, NOW).conversations(), queries.summary(all, NOW).csat().responses());
        time("summary, 90 days", () -> queries.summary(all, NOW));
        time("summary, 90 days, language=fa", () -> queries.summary(persian, NOW));
        time("summary, 90 days, agent=agent7", () -> queries.summary(agent, NOW));
        time("series, 90 days", () -> series.of(all, DayOfWeek.MONDAY));
        time("series, 90 days, language=fa", () -> series.of(persian, DayOfWeek.MONDAY));
        time("series, 90 days, agent=agent7", () -> series.of(agent, DayOfWeek.MONDAY));
        time("Prometheus snapshot (all gauges)", () -> {
            // A new instance has no snapshot yet: reading one gauge takes it.
            var registry = new SimpleMeterRegistry();
            new ReportMetrics(jdbc, Clock.fixed(NOW, ZoneOffset.UTC)).bindTo(registry);
            return registry.get("dastyar.csat.ratings").tag("score", "5").gauge().value();
        });

        // The zone's id as the refresh compares it ("Z"): another one would make it compute every conversation again.
        jdbc.sql("INSERT INTO report_state (id, time_zone) VALUES (1, ?)").param(settings.timeZone().getId()).update();
        long unsettled = jdbc.sql("SELECT count(*) FROM report_conversation WHERE settled = FALSE").query(Long.class).single();
        long started = System.nanoTime();
        if (Boolean.parseBoolean(System.getenv("REPORTS_FULL_REFRESH"))) {
            // What the first refresh after an upgrade, or after the agents' teams changed, does.
            refresh(dataSource, rollup, store, settings, NOW).refresh();
            System.out.printf("%-40s %8d ms (%d unsettled conversations computed from the logs)%n",
                    "refresh, every unsettled one", (System.nanoTime() - started) / 1_000_000, unsettled);
        } else {
            // The seeded figures are those a refresh computes: start from what such a refresh would have seen.
            var changes = new SourceChanges(jdbc);
            changes.save(changes.now(NOW, new FactSources(jdbc).teamOfAgent().hashCode()));
        }
        Instant later = NOW;
        for (int minute = 1; minute <= 3; minute++) {
            later = later.plus(Duration.ofMinutes(1));
            int changed = aMinuteOfTraffic(jdbc, later);
            started = System.nanoTime();
            refresh(dataSource, rollup, store, settings, later).refresh();
            System.out.printf("%-40s %8d ms (%d conversations with new rows)%n", "refresh, incremental, minute " + minute,
                    (System.nanoTime() - started) / 1_000_000, changed);
        }
        started = System.nanoTime();
        refresh(dataSource, rollup, store, settings, later).refresh();
        System.out.printf("%-40s %8d ms%n", "refresh, nothing new", (System.nanoTime() - started) / 1_000_000);
        time("summary after the refresh, 90 days", () -> queries.summary(all, NOW));
    }

    private static FactRefresh refresh(DataSource dataSource, Rollup rollup, FactStore store,
                                       ReportsProperties settings, Instant now) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new FactRefresh(new FactSources(jdbc), store, new SourceChanges(jdbc), rollup,
                new Staffing(jdbc, new StaticListableBeanFactory().getBeanProvider(QueueOutlook.class), clock),
                settings, new TransactionTemplate(new DataSourceTransactionManager(dataSource)), clock,
                new SimpleMeterRegistry());
    }

    /**
     * A busy minute, ten times this year's average: 20 new conversations queued for a person, and a transfer in 40
     * conversations of the last hours. Returns how many conversations got new rows.
     */
    private static int aMinuteOfTraffic(JdbcClient jdbc, Instant minute) {
        String at = "TIMESTAMP WITH TIME ZONE '" + minute + "'";
        jdbc.sql("""
                INSERT INTO conversation (id, channel, recipient, language, state, created_at, updated_at, version)
                SELECT gen_random_uuid(), 'web', 'new-customer-' || gen_random_uuid(), 'fa', 'HANDOFF', %1$s, %1$s, 0
                FROM generate_series(1, 20)""".formatted(at)).update();
        int changed = jdbc.sql("""
                INSERT INTO handoff_log (conversation_id, kind, agent, at)
                SELECT id, 'QUEUED', NULL, created_at FROM conversation WHERE created_at = %s""".formatted(at)).update();
        return changed + jdbc.sql("""
                INSERT INTO handoff_log (conversation_id, kind, agent, at)
                SELECT id, 'TRANSFERRED', 'agent3', %1$s FROM conversation
                WHERE created_at BETWEEN %1$s - interval '3 hours' AND %1$s - interval '1 hour' ORDER BY id LIMIT 40"""
                .formatted(at)).update();
    }

    private static void time(String what, Supplier<?> query) {
        query.get();
        var millis = new ArrayList<Long>();
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            query.get();
            millis.add((System.nanoTime() - started) / 1_000_000);
        }
        List<Long> sorted = millis.stream().sorted().toList();
        System.out.printf("%-40s median %5d ms, max %5d ms (%d runs)%n", what, sorted.get(RUNS / 2),
                sorted.get(RUNS - 1), RUNS);
    }

    /** A year of traffic, written by PostgreSQL itself (generate_series) to keep seeding to minutes. */
    private static void seed(JdbcClient jdbc) {
        String now = "TIMESTAMP WITH TIME ZONE '" + NOW + "'";
        jdbc.sql("""
                INSERT INTO conversation (id, channel, recipient, language, state, created_at, updated_at, closed_at, version)
                SELECT md5(i::text)::uuid, CASE WHEN i %% 3 = 0 THEN 'telegram' ELSE 'web' END, 'customer' || (i %% 400000),
                  (ARRAY['en','fa','ar','az'])[1 + i %% 4], 'CLOSED', %1$s - (i * interval '31.5 seconds'),
                  %1$s - (i * interval '31.5 seconds') + interval '12 minutes',
                  %1$s - (i * interval '31.5 seconds') + interval '12 minutes', 0
                FROM generate_series(1, %2$d) i""".formatted(now, CONVERSATIONS)).update();
        for (String[] step : new String[][]{{"QUEUED", "60"}, {"ASSIGNED", "60 + i % 300"},
                {"FIRST_REPLY", "60 + i % 300 + i % 97"}, {"RESOLVED", "600"}}) {
            jdbc.sql("""
                    INSERT INTO handoff_log (conversation_id, kind, agent, at)
                    SELECT md5(i::text)::uuid, '%s', CASE WHEN '%1$s' = 'QUEUED' THEN NULL ELSE 'agent' || (i %% 25) END,
                      %s - (i * interval '31.5 seconds') + (%s) * interval '1 second'
                    FROM generate_series(1, %d) i WHERE i %% 10 < 3""".formatted(step[0], now, step[1], CONVERSATIONS))
                    .update();
        }
        jdbc.sql("""
                INSERT INTO csat_survey (conversation_id, channel, language, asked_at, status, nps_asked)
                SELECT id, channel, language, closed_at - interval '1 minute', 'ANSWERED', true FROM conversation
                WHERE get_byte(decode(replace(id::text, '-', ''), 'hex'), 0) < 77""").update();
        jdbc.sql("""
                INSERT INTO csat_answer (conversation_id, kind, score, late, answered_at)
                SELECT conversation_id, 'RATING', 1 + get_byte(decode(replace(conversation_id::text, '-', ''), 'hex'), 1) % 5,
                  false, asked_at + interval '30 seconds' FROM csat_survey""").update();
        jdbc.sql("""
                INSERT INTO csat_answer (conversation_id, kind, score, late, answered_at)
                SELECT conversation_id, 'NPS', get_byte(decode(replace(conversation_id::text, '-', ''), 'hex'), 2) % 11,
                  false, asked_at + interval '40 seconds' FROM csat_survey
                WHERE get_byte(decode(replace(conversation_id::text, '-', ''), 'hex'), 3) < 85""").update();
        jdbc.sql("""
                INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at)
                SELECT id, language, 'Where is my parcel?', CASE WHEN created_at::text LIKE '%5:%' THEN NULL ELSE 'article-' || (abs(hashtext(id::text)) % 40) END,
                  0.5, created_at + interval '10 seconds' FROM conversation""").update();
        jdbc.sql("ANALYZE").update();
        System.out.println("Raw tables seeded; computing every conversation's figures from them in SQL");
        // The figures in bulk, as FactRefresh computes them, for the settled conversations; the last eight days'
        // are left to the refresh below, which computes them from the logs as it does in service.
        jdbc.sql("""
                INSERT INTO report_conversation (conversation_id, created_at, day, channel, language, state, closed_at,
                  queued, assigned, person_available, agent, team, queue_hour, first_response_s, queue_wait_s,
                  resolution_s, unanswered_wait_s, transfers, reopened, survey_asked, rating, rating_late,
                  rating_replaced, nps, questions, unanswered, came_back, settled)
                SELECT c.id, c.created_at, CAST(c.created_at AT TIME ZONE 'UTC' AS DATE), c.channel, c.language, c.state,
                  c.closed_at, q.at IS NOT NULL, a.at IS NOT NULL, true, a.agent, 'team' || (length(a.agent) %% 3),
                  CAST(extract(hour FROM q.at AT TIME ZONE 'UTC') AS SMALLINT),
                  CAST(extract(epoch FROM r.at - q.at) AS INT), CAST(extract(epoch FROM a.at - q.at) AS INT),
                  CAST(extract(epoch FROM z.at - q.at) AS INT), NULL, 0, false, s.conversation_id IS NOT NULL,
                  ra.score, false, false, np.score, 1, CASE WHEN kq.article_id IS NULL THEN 1 ELSE 0 END, false,
                  c.closed_at < %1$s - interval '8 days'
                FROM conversation c
                LEFT JOIN handoff_log q ON q.conversation_id = c.id AND q.kind = 'QUEUED'
                LEFT JOIN handoff_log a ON a.conversation_id = c.id AND a.kind = 'ASSIGNED'
                LEFT JOIN handoff_log r ON r.conversation_id = c.id AND r.kind = 'FIRST_REPLY'
                LEFT JOIN handoff_log z ON z.conversation_id = c.id AND z.kind = 'RESOLVED'
                LEFT JOIN csat_survey s ON s.conversation_id = c.id
                LEFT JOIN csat_answer ra ON ra.conversation_id = c.id AND ra.kind = 'RATING'
                LEFT JOIN csat_answer np ON np.conversation_id = c.id AND np.kind = 'NPS'
                LEFT JOIN kb_question kq ON kq.conversation_id = c.id""".formatted(now)).update();
        jdbc.sql("""
                INSERT INTO report_article (conversation_id, article_id)
                SELECT DISTINCT conversation_id, article_id FROM kb_question WHERE article_id IS NOT NULL""").update();
        jdbc.sql("ANALYZE").update();
    }
}
