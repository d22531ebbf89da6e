package io.dastyar.reports;

import static io.dastyar.reports.Summary.percent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.dastyar.reports.Summary.Breakdown;
import io.dastyar.reports.Summary.Spread;

/** The summary's figures from {@code report_conversation}: one query for the totals, one per breakdown. */
@Component
class ReportQueries {

    private static final int TOP = 20;
    /** The dimensions of the breakdowns, as SQL expressions over {@code report_conversation f}. */
    private static final Map<String, String> DIMENSIONS = dimensions();

    private final JdbcClient jdbc;
    private final ReportsProperties settings;

    ReportQueries(JdbcClient jdbc, ReportsProperties settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    Summary summary(ReportQuery query, java.time.Instant refreshedAt) {
        Map<String, Object> parameters = query.parameters();
        parameters.put("target", settings.answeredWithin().toSeconds());
        var breakdowns = new LinkedHashMap<String, List<Breakdown>>();
        DIMENSIONS.forEach((name, key) -> breakdowns.put(name, breakdown(query, key, "")));
        breakdowns.put("article", breakdown(query, "a.article_id",
                " JOIN report_article a ON a.conversation_id = f.conversation_id"));
        return jdbc.sql("""
                        SELECT count(*) AS conversations,
                          count(*) FILTER (WHERE f.survey_asked) AS surveys,
                          count(f.rating) AS responses,
                          count(*) FILTER (WHERE f.rating >= 4) AS good,
                          count(*) FILTER (WHERE f.rating = 1) AS r1, count(*) FILTER (WHERE f.rating = 2) AS r2,
                          count(*) FILTER (WHERE f.rating = 3) AS r3, count(*) FILTER (WHERE f.rating = 4) AS r4,
                          count(*) FILTER (WHERE f.rating = 5) AS r5,
                          count(*) FILTER (WHERE f.rating IS NOT NULL AND f.rating_late) AS late,
                          count(*) FILTER (WHERE f.rating IS NOT NULL AND f.rating_replaced) AS replaced,
                          count(f.nps) AS nps, count(*) FILTER (WHERE f.nps >= 9) AS promoters,
                          count(*) FILTER (WHERE f.nps <= 6) AS detractors,
                          count(*) FILTER (WHERE f.queued) AS queued,
                          count(*) FILTER (WHERE f.assigned) AS assigned,
                          count(*) FILTER (WHERE f.queued AND NOT f.assigned AND f.closed_at IS NOT NULL) AS abandoned,
                          count(*) FILTER (WHERE f.reopened) AS reopened,
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_s) AS frt_median,
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY f.first_response_s) AS frt_p90,
                          count(f.first_response_s) AS frt_count,
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY f.queue_wait_s) AS wait_median,
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY f.queue_wait_s) AS wait_p90,
                          count(f.queue_wait_s) AS wait_count,
                          percentile_cont(0.5) WITHIN GROUP (ORDER BY f.resolution_s) AS resolution_median,
                          percentile_cont(0.9) WITHIN GROUP (ORDER BY f.resolution_s) AS resolution_p90,
                          count(f.resolution_s) AS resolution_count,
                          coalesce(sum(f.transfers) FILTER (WHERE f.assigned), 0) AS transfers,
                          count(*) FILTER (WHERE f.first_response_s <= :target) AS within,
                          count(*) FILTER (WHERE f.first_response_s IS NOT NULL OR f.unanswered_wait_s > :target) AS target_eligible,
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available) AS contain_eligible,
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available AND NOT f.queued) AS contained,
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available AND NOT f.queued
                                           AND f.rating >= 4) AS contained_good,
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available
                                           AND f.came_back IS NOT NULL) AS durable_eligible,
                          count(*) FILTER (WHERE f.closed_at IS NOT NULL AND f.person_available AND NOT f.queued
                                           AND f.came_back = FALSE) AS durable,
                          coalesce(sum(f.questions), 0) AS questions, coalesce(sum(f.unanswered), 0) AS unanswered
                        FROM report_conversation f WHERE\s""" + query.where())
                .params(parameters)
                .query((rs, row) -> summary(rs, query, refreshedAt, breakdowns))
                .single();
    }

    private Summary summary(ResultSet rs, ReportQuery query, java.time.Instant refreshedAt,
                            Map<String, List<Breakdown>> breakdowns) throws SQLException {
        long conversations = rs.getLong("conversations");
        long responses = rs.getLong("responses");
        long good = rs.getLong("good");
        var distribution = new LinkedHashMap<String, Long>();
        for (int score = 1; score <= 5; score++) {
            distribution.put(Integer.toString(score), rs.getLong("r" + score));
        }
        long surveys = rs.getLong("surveys");
        var csat = new Summary.Csat(percent(good, responses), responses, good, surveys, percent(responses, surveys),
                rs.getLong("late"), rs.getLong("replaced"), distribution);
        long nps = rs.getLong("nps");
        long promoters = rs.getLong("promoters");
        long detractors = rs.getLong("detractors");
        var npsFigures = new Summary.Nps(nps == 0 ? null : Math.round((promoters - detractors) * 1000.0 / nps) / 10.0,
                nps, promoters, nps - promoters - detractors, detractors);
        long queued = rs.getLong("queued");
        long assigned = rs.getLong("assigned");
        long transfers = rs.getLong("transfers");
        var service = new Summary.Service(queued, percent(queued, conversations), assigned, rs.getLong("abandoned"),
                rs.getLong("reopened"), spread(rs, "frt"), spread(rs, "wait"), spread(rs, "resolution"),
                assigned == 0 ? null : Math.round(transfers * 100.0 / assigned) / 100.0, transfers,
                new Summary.Target(settings.answeredWithin().toSeconds(),
                        percent(rs.getLong("within"), rs.getLong("target_eligible")), rs.getLong("within"),
                        rs.getLong("target_eligible")));
        long eligible = rs.getLong("contain_eligible");
        long durableEligible = rs.getLong("durable_eligible");
        long questions = rs.getLong("questions");
        long unanswered = rs.getLong("unanswered");
        var bot = new Summary.Bot(share(rs.getLong("contained"), eligible), share(rs.getLong("contained_good"), eligible),
                share(rs.getLong("durable"), durableEligible), questions, unanswered, percent(unanswered, questions));
        var filters = new LinkedHashMap<String, String>();
        query.channel().ifPresent(channel -> filters.put("channel", channel));
        query.language().ifPresent(language -> filters.put("language", language));
        query.agent().ifPresent(agent -> filters.put("agent", agent));
        return new Summary(new Summary.Period(query.from(), query.to(), settings.timeZone().getId()), filters,
                refreshedAt, conversations, csat, npsFigures, service, bot, breakdowns);
    }

    private List<Breakdown> breakdown(ReportQuery query, String key, String join) {
        String sql = "SELECT " + key + " AS breakdown_key, count(*) AS conversations, count(f.rating) AS responses,"
                + " count(*) FILTER (WHERE f.rating >= 4) AS good,"
                + " percentile_cont(0.5) WITHIN GROUP (ORDER BY f.first_response_s) AS frt_median"
                + " FROM report_conversation f" + join + " WHERE " + query.where() + " AND " + key + " IS NOT NULL"
                + " GROUP BY " + key + " ORDER BY count(f.rating) DESC, count(*) DESC, " + key + " LIMIT " + TOP;
        return jdbc.sql(sql)
                .params(query.parameters())
                .query((rs, row) -> new Breakdown(rs.getString("breakdown_key"), rs.getLong("conversations"),
                        rs.getLong("responses"), percent(rs.getLong("good"), rs.getLong("responses")),
                        nullable(rs, "frt_median")))
                .list();
    }

    private static Spread spread(ResultSet rs, String prefix) throws SQLException {
        return new Spread(nullable(rs, prefix + "_median"), nullable(rs, prefix + "_p90"), rs.getLong(prefix + "_count"));
    }

    private static Summary.Share share(long count, long eligible) {
        return new Summary.Share(percent(count, eligible), count, eligible);
    }

    static @Nullable Double nullable(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : Math.round(value * 10.0) / 10.0;
    }

    private static Map<String, String> dimensions() {
        var dimensions = new LinkedHashMap<String, String>();
        dimensions.put("agent", "f.agent");
        dimensions.put("team", "f.team");
        dimensions.put("channel", "f.channel");
        dimensions.put("language", "f.language");
        dimensions.put("handledBy",
                "CASE WHEN f.assigned THEN 'person' WHEN f.queued THEN 'queue' ELSE 'bot' END");
        return dimensions;
    }
}
