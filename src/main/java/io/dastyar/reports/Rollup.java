package io.dastyar.reports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.dastyar.reports.Tally.Count;
import io.dastyar.reports.Tally.Time;

/**
 * The daily roll-ups ({@code report_day}, {@code report_day_article}, {@code report_day_hour}, see V41): a day whose
 * conversations' figures changed is marked in the same transaction, and its roll-ups are then computed again from
 * {@code report_conversation}, so a refresh that fails half-way leaves no day stale.
 */
@Component
class Rollup {

    /** What the article roll-up keeps: the breakdown's figures. */
    static final List<Count> ARTICLE_COUNTS = List.of(Count.CONVERSATIONS, Count.RESPONSES, Count.GOOD);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final FactStore facts;
    private final TransactionTemplate transaction;

    Rollup(JdbcClient jdbc, JdbcTemplate batch, FactStore facts, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.facts = facts;
        this.transaction = transaction;
    }

    /** Marks days to compute again; in the transaction that changes their conversations' figures. */
    void touched(Collection<LocalDate> days) {
        days.stream().distinct().forEach(day -> jdbc.sql("""
                        INSERT INTO report_dirty_day (day) SELECT CAST(:day AS DATE)
                        WHERE NOT EXISTS (SELECT 1 FROM report_dirty_day WHERE day = :day)""")
                .param("day", Date.valueOf(day)).update());
    }

    /** Computes the roll-ups of every marked day again, a day per transaction. */
    void update() {
        for (LocalDate day : jdbc.sql("SELECT day FROM report_dirty_day ORDER BY day").query(Date.class).list()
                .stream().map(Date::toLocalDate).toList()) {
            transaction.executeWithoutResult(status -> compute(day));
        }
    }

    /** A roll-up row as read: its group's columns in the result set, and its figures. */
    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs, Tally tally) throws SQLException;
    }

    /**
     * Adds up the rows of a roll-up table for a report's days and filters by {@code keys} (in the database: a
     * 90-day range is tens of thousands of rows, their groups a few hundred), with these figures.
     */
    void read(String table, String keys, ReportQuery query, List<Count> counts, List<Time> times, Row each) {
        String columns = Stream.concat(Stream.of(keys), Stream.concat(
                counts.stream().map(count -> "sum(" + count.column() + ") AS " + count.column()),
                times.stream().map(time -> "string_agg(" + time.column() + ", ',') AS " + time.column())))
                .collect(Collectors.joining(", "));
        jdbc.sql("SELECT " + columns + " FROM " + table + " f WHERE " + query.where() + " GROUP BY " + keys)
                .params(query.parameters())
                .query(rs -> {
                    each.accept(rs, Tally.read(rs, counts, times));
                });
    }

    /** Forgets every roll-up, with the figures they were computed from. */
    void clear() {
        Stream.of("report_day", "report_day_article", "report_day_hour", "report_dirty_day")
                .forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    private void compute(LocalDate day) {
        Date date = Date.valueOf(day);
        Stream.of("report_day", "report_day_article", "report_day_hour", "report_dirty_day")
                .forEach(table -> jdbc.sql("DELETE FROM " + table + " WHERE day = ?").param(date).update());
        var groups = new HashMap<List<@Nullable Object>, Tally>();
        var articles = new HashMap<List<@Nullable Object>, Tally>();
        var hours = new HashMap<List<@Nullable Object>, Tally>();
        for (Fact fact : facts.onDay(day)) {
            String handledBy = fact.assigned() ? "person" : fact.queued() ? "queue" : "bot";
            groups.computeIfAbsent(Arrays.asList(fact.channel(), fact.language(), fact.agent(), fact.team(), handledBy),
                    key -> new Tally()).add(fact);
            fact.articles().forEach(article -> articles.computeIfAbsent(
                    List.of(fact.channel(), fact.language(), article), key -> new Tally()).add(fact));
            if (fact.queueHour() != null) {
                hours.computeIfAbsent(List.of(fact.channel(), fact.language(), fact.queueHour()), key -> new Tally())
                        .add(fact);
            }
        }
        insert("report_day", "channel, language, agent, team, handled_by", date, groups,
                Arrays.asList(Count.values()), Arrays.asList(Time.values()));
        insert("report_day_article", "channel, language, article_id", date, articles, ARTICLE_COUNTS,
                List.of(Time.FIRST_RESPONSE));
        insert("report_day_hour", "channel, language, queue_hour", date, hours, List.of(), List.of(Time.QUEUE_WAIT));
    }

    private void insert(String table, String keys, Date day, Map<List<@Nullable Object>, Tally> groups,
                        List<Count> counts, List<Time> times) {
        String columns = Stream.concat(Stream.of("day", keys), Stream.concat(counts.stream().map(Count::column),
                times.stream().map(Time::column))).collect(Collectors.joining(", "));
        int width = (int) Arrays.stream(columns.split(",")).count();
        String sql = "INSERT INTO " + table + " (" + columns + ") VALUES ("
                + String.join(", ", Collections.nCopies(width, "?")) + ")";
        var rows = new ArrayList<Object[]>();
        groups.forEach((key, tally) -> {
            var row = new ArrayList<@Nullable Object>();
            row.add(day);
            row.addAll(key);
            counts.forEach(count -> row.add(tally.get(count)));
            times.forEach(time -> row.add(tally.get(time).toString()));
            rows.add(row.toArray());
        });
        batch.batchUpdate(sql, rows);
    }
}
