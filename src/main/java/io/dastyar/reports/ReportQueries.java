package io.dastyar.reports;

import static io.dastyar.reports.Summary.percent;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import io.dastyar.reports.Summary.Breakdown;
import io.dastyar.reports.Summary.Spread;
import io.dastyar.reports.Tally.Count;
import io.dastyar.reports.Tally.Time;

/**
 * The summary's figures from the daily roll-ups ({@code report_day}, {@code report_day_article}): their counts and
 * service-time histograms added up over the report's days; with an agent filter, CSAT by article is added up from
 * that agent's conversations, which the article roll-up does not tell apart.
 */
@Component
class ReportQueries {

    private static final int TOP = 20;
    private static final List<Time> BREAKDOWN_TIMES = List.of(Time.FIRST_RESPONSE);
    /** The breakdowns read from {@code report_day}, in the summary's order, and the columns of their keys. */
    private static final List<String> DIMENSIONS = List.of("agent", "team", "channel", "language", "handledBy");
    private static final String KEYS = "agent, team, channel, language, handled_by";

    private final Rollup rollup;
    private final FactStore facts;
    private final ReportsProperties settings;

    ReportQueries(Rollup rollup, FactStore facts, ReportsProperties settings) {
        this.rollup = rollup;
        this.facts = facts;
        this.settings = settings;
    }

    Summary summary(ReportQuery query, Instant refreshedAt) {
        var total = new Tally();
        var groups = new LinkedHashMap<String, Map<String, Tally>>();
        DIMENSIONS.forEach(name -> groups.put(name, new HashMap<>()));
        rollup.read("report_day", KEYS, query, List.of(Count.values()), List.of(Time.values()), (rs, tally) -> {
                    total.addAll(tally, List.of(Time.values()));
                    for (int column = 0; column < DIMENSIONS.size(); column++) {
                        String name = DIMENSIONS.get(column);
                        String key = rs.getString(column + 1);
                        if (key != null) {
                            groups.get(name).computeIfAbsent(key, k -> new Tally()).addAll(tally, BREAKDOWN_TIMES);
                        }
                    }
                });
        groups.put("article", articles(query));
        var breakdowns = new LinkedHashMap<String, List<Breakdown>>();
        groups.forEach((name, tallies) -> breakdowns.put(name, top(tallies)));
        return summary(total, query, refreshedAt, breakdowns);
    }

    private Map<String, Tally> articles(ReportQuery query) {
        var articles = new HashMap<String, Tally>();
        if (query.agent().isPresent()) {
            facts.of(query).forEach(fact -> fact.articles().forEach(
                    article -> articles.computeIfAbsent(article, key -> new Tally()).add(fact)));
        } else {
            rollup.read("report_day_article", "article_id", query, Rollup.ARTICLE_COUNTS, BREAKDOWN_TIMES,
                    (rs, tally) -> articles.computeIfAbsent(rs.getString("article_id"), key -> new Tally())
                            .addAll(tally, BREAKDOWN_TIMES));
        }
        return articles;
    }

    private Summary summary(Tally total, ReportQuery query, Instant refreshedAt,
                            Map<String, List<Breakdown>> breakdowns) {
        long conversations = total.get(Count.CONVERSATIONS);
        long responses = total.get(Count.RESPONSES);
        long good = total.get(Count.GOOD);
        var distribution = new LinkedHashMap<String, Long>();
        List<Count> scores = List.of(Count.RATING_1, Count.RATING_2, Count.RATING_3, Count.RATING_4, Count.RATING_5);
        for (int score = 1; score <= 5; score++) {
            distribution.put(Integer.toString(score), total.get(scores.get(score - 1)));
        }
        long surveys = total.get(Count.SURVEYS);
        var csat = new Summary.Csat(percent(good, responses), responses, good, surveys, percent(responses, surveys),
                total.get(Count.LATE), total.get(Count.REPLACED), distribution);
        long nps = total.get(Count.NPS);
        long promoters = total.get(Count.PROMOTERS);
        long detractors = total.get(Count.DETRACTORS);
        var npsFigures = new Summary.Nps(nps == 0 ? null : Math.round((promoters - detractors) * 1000.0 / nps) / 10.0,
                nps, promoters, nps - promoters - detractors, detractors);
        long queued = total.get(Count.QUEUED);
        long assigned = total.get(Count.ASSIGNED);
        long transfers = total.get(Count.TRANSFERS);
        long target = settings.answeredWithin().toSeconds();
        Histogram firstResponse = total.get(Time.FIRST_RESPONSE);
        long within = firstResponse.atMost(target);
        long targetEligible = firstResponse.count() + total.get(Time.UNANSWERED_WAIT).above(target);
        var service = new Summary.Service(queued, percent(queued, conversations), assigned, total.get(Count.ABANDONED),
                total.get(Count.REOPENED), spread(firstResponse), spread(total.get(Time.QUEUE_WAIT)),
                spread(total.get(Time.RESOLUTION)),
                assigned == 0 ? null : Math.round(transfers * 100.0 / assigned) / 100.0, transfers,
                new Summary.Target(target, percent(within, targetEligible), within, targetEligible));
        long eligible = total.get(Count.CONTAIN_ELIGIBLE);
        long questions = total.get(Count.QUESTIONS);
        long unanswered = total.get(Count.UNANSWERED);
        var bot = new Summary.Bot(share(total.get(Count.CONTAINED), eligible),
                share(total.get(Count.CONTAINED_GOOD), eligible),
                share(total.get(Count.DURABLE), total.get(Count.DURABLE_ELIGIBLE)), questions, unanswered,
                percent(unanswered, questions));
        var filters = new LinkedHashMap<String, String>();
        query.channel().ifPresent(channel -> filters.put("channel", channel));
        query.language().ifPresent(language -> filters.put("language", language));
        query.agent().ifPresent(agent -> filters.put("agent", agent));
        return new Summary(new Summary.Period(query.from(), query.to(), settings.timeZone().getId()), filters,
                refreshedAt, conversations, csat, npsFigures, service, bot, breakdowns);
    }

    /** The top rows by responses, then conversations, then key. */
    private static List<Breakdown> top(Map<String, Tally> tallies) {
        return tallies.entrySet().stream()
                .sorted(Comparator.<Map.Entry<String, Tally>>comparingLong(e -> -e.getValue().get(Count.RESPONSES))
                        .thenComparingLong(e -> -e.getValue().get(Count.CONVERSATIONS))
                        .thenComparing(Map.Entry::getKey))
                .limit(TOP)
                .map(e -> {
                    Tally tally = e.getValue();
                    return new Breakdown(e.getKey(), tally.get(Count.CONVERSATIONS), tally.get(Count.RESPONSES),
                            percent(tally.get(Count.GOOD), tally.get(Count.RESPONSES)),
                            tally.get(Time.FIRST_RESPONSE).percentile(0.5));
                })
                .toList();
    }

    private static Spread spread(Histogram times) {
        return new Spread(times.percentile(0.5), times.percentile(0.9), times.count());
    }

    private static Summary.Share share(long count, long eligible) {
        return new Summary.Share(percent(count, eligible), count, eligible);
    }
}
