package io.dastyar.reports;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The reports API (docs/reports.md), for supervisors and admins: over the console's session or HTTP Basic. Every
 * call takes {@code from} and {@code to} (YYYY-MM-DD, the days conversations started) and optionally
 * {@code channel}, {@code language} and {@code agent}.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsApiController {

    private final ReportRequests requests;
    private final ReportQueries queries;
    private final ReportSeries series;
    private final ReportExports exports;
    private final FactRefresh refresh;

    ReportsApiController(ReportRequests requests, ReportQueries queries, ReportSeries series, ReportExports exports,
                         FactRefresh refresh) {
        this.requests = requests;
        this.queries = queries;
        this.series = series;
        this.exports = exports;
        this.refresh = refresh;
    }

    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                    @RequestParam(required = false) @Nullable String channel,
                    @RequestParam(required = false) @Nullable String language,
                    @RequestParam(required = false) @Nullable String agent) {
        return queries.summary(requests.read(from, to, channel, language, agent), refresh.refreshedAt());
    }

    /** The dashboard's charts; {@code weekStart} (MONDAY ... SUNDAY, default MONDAY) is the first day of a week. */
    @GetMapping("/series")
    ReportSeries.Series series(@RequestParam(required = false) @Nullable String from,
                               @RequestParam(required = false) @Nullable String to,
                               @RequestParam(required = false) @Nullable String channel,
                               @RequestParam(required = false) @Nullable String language,
                               @RequestParam(required = false) @Nullable String agent,
                               @RequestParam(required = false) @Nullable String weekStart) {
        var query = requests.read(from, to, channel, language, agent);
        return series.of(query, requests.weekStart(weekStart));
    }

    @GetMapping("/ratings.csv")
    void ratings(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
                 @RequestParam(required = false) @Nullable String channel,
                 @RequestParam(required = false) @Nullable String language,
                 @RequestParam(required = false) @Nullable String agent, HttpServletResponse response) throws IOException {
        csv(requests.read(from, to, channel, language, agent), "ratings", exports::ratings, response);
    }

    @GetMapping("/conversations.csv")
    void conversations(@RequestParam(required = false) @Nullable String from,
                       @RequestParam(required = false) @Nullable String to,
                       @RequestParam(required = false) @Nullable String channel,
                       @RequestParam(required = false) @Nullable String language,
                       @RequestParam(required = false) @Nullable String agent, HttpServletResponse response)
            throws IOException {
        csv(requests.read(from, to, channel, language, agent), "conversations", exports::conversations, response);
    }

    private static void csv(ReportQuery query, String name, BiConsumer<ReportQuery, CsvWriter> export,
                            HttpServletResponse response) throws IOException {
        response.setContentType("text/csv; charset=UTF-8; header=present");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename(name + "-" + query.from() + "-to-" + query.to() + ".csv").build().toString());
        Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        export.accept(query, new CsvWriter(writer));
        writer.flush();
    }
}
