package io.dastyar.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a report is asked about: conversations started from {@code from} to {@code to} (whole days, both included,
 * in the report time zone), optionally of one channel, language or agent (the agent who last held them).
 */
record ReportQuery(LocalDate from, LocalDate to, Optional<String> channel, Optional<String> language,
                   Optional<String> agent) {

    /** The SQL condition on {@code report_conversation f}, and its parameters. */
    String where() {
        var where = new StringBuilder("f.day BETWEEN :from AND :to");
        channel.ifPresent(c -> where.append(" AND f.channel = :channel"));
        language.ifPresent(l -> where.append(" AND f.language = :language"));
        agent.ifPresent(a -> where.append(" AND f.agent = :agent"));
        return where.toString();
    }

    Map<String, Object> parameters() {
        var parameters = new HashMap<String, Object>();
        parameters.put("from", Date.valueOf(from));
        parameters.put("to", Date.valueOf(to));
        channel.ifPresent(c -> parameters.put("channel", c));
        language.ifPresent(l -> parameters.put("language", l));
        agent.ifPresent(a -> parameters.put("agent", a));
        return parameters;
    }
}
