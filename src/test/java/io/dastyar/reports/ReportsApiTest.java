package io.dastyar.reports;

import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.support.TestPostgres;

/** The reports API over HTTP: who may call it, what bad input gets, and CSVs that spreadsheets read as written. */
@ReportsTest
class ReportsApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PASSWORD = "a long enough password";
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);
    private static final Instant NOON = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    private static final String RANGE = "from=2024-06-01&to=2024-06-30";

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FactRefresh refresh;

    private final HttpClient http = HttpClient.newHttpClient();
    private String supervisor;
    private String agent;

    @BeforeEach
    void setUp() {
        var seed = new Seed(jdbc);
        seed.clear();
        seed.agent("ana", "billing");
        seed.conversation(NOON, "fa").log("QUEUED", null, ofMinutes(1)).log("ASSIGNED", "ana", ofMinutes(2))
                .log("FIRST_REPLY", "ana", ofMinutes(3)).log("RESOLVED", "ana", ofMinutes(5))
                .surveyed(ofMinutes(5)).answer("RATING", 2, false, "=HYPERLINK(\"http://evil\",\"click\")", ofMinutes(6))
                .closed(ofMinutes(7));
        seed.conversation(NOON, "fa").surveyed(ofMinutes(5))
                .answer("RATING", 5, false, "خیلی خوب بود، \"ممنون\"\nواقعاً", ofMinutes(6))
                .answer("NPS", 10, false, "-1+2", ofMinutes(7)).closed(ofMinutes(8));
        refresh.rebuild();
        supervisor = account(Role.SUPERVISOR);
        agent = account(Role.AGENT);
    }

    @Test
    void aSupervisorReadsTheSummaryOverHttpBasic() throws Exception {
        HttpResponse<String> response = get(supervisor, PASSWORD, "/api/reports/summary?" + RANGE);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode summary = JSON.readTree(response.body());
        assertThat(summary.at("/csat/percent").asDouble()).isEqualTo(50.0);
        assertThat(summary.at("/csat/responses").asLong()).isEqualTo(2);
        assertThat(summary.at("/csat/distribution/2").asLong()).isEqualTo(1);
        assertThat(summary.at("/nps/score").asDouble()).isEqualTo(100.0);
        assertThat(summary.at("/nps/responses").asLong()).isEqualTo(1);
        assertThat(summary.at("/service/firstResponse/median").asDouble()).isEqualTo(120.0);
        assertThat(summary.at("/bot/containment/percent").asDouble()).isEqualTo(50.0);

        JsonNode agentOnly = JSON.readTree(get(supervisor, PASSWORD, "/api/reports/summary?" + RANGE + "&agent=ana").body());
        assertThat(agentOnly.at("/conversations").asLong()).isEqualTo(1);
        assertThat(agentOnly.at("/filters/agent").asString()).isEqualTo("ana");
        JsonNode series = JSON.readTree(get(supervisor, PASSWORD, "/api/reports/series?" + RANGE + "&weekStart=saturday").body());
        assertThat(series.at("/weeks/0/start").asString()).isEqualTo("2024-06-01");
        assertThat(series.at("/days/0/responses").asLong()).isEqualTo(2);
        assertThat(series.at("/queueByHour").size()).isEqualTo(24);
        assertThat(series.at("/queueByHour/12/waits").asLong()).isEqualTo(1);
    }

    @Test
    void anAdminToo_butAnAgentIsRefusedAndAStrangerAskedToSignIn() throws Exception {
        assertThat(get("admin", TestPostgres.ADMIN_PASSWORD, "/api/reports/summary").statusCode()).isEqualTo(200);
        assertThat(get(agent, PASSWORD, "/api/reports/summary").statusCode()).isEqualTo(403);
        assertThat(get(agent, PASSWORD, "/api/reports/ratings.csv").statusCode()).isEqualTo(403);
        assertThat(get(agent, PASSWORD, "/reports").statusCode()).isEqualTo(403);
        assertThat(http.send(HttpRequest.newBuilder(uri("/api/reports/summary")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    @Test
    void badInputIsAProblemDetailNamingWhatIsWrong() throws Exception {
        assertProblem("from=2024-13-01&to=2024-12-31", "from must be a date");
        assertProblem("from=yesterday", "from must be a date");
        assertProblem("from=2024-06-30&to=2024-06-01", "is after to");
        assertProblem("from=2000-01-01&to=2024-12-31", "at most 366");
        assertProblem(RANGE + "&channel=carrier-pigeon", "Unknown channel");
        assertProblem(RANGE + "&language=de", "Unknown language");
        assertProblem(RANGE + "&agent=nobody", "Unknown agent");
        assertProblem(RANGE + "&agent=" + "x".repeat(500), "Unknown agent");
        assertProblem("/api/reports/series?" + RANGE + "&weekStart=someday", "weekStart");
        assertProblem("/api/reports/conversations.csv?from=2024-06-30&to=2024-06-01", "is after to");
        assertThat(get(supervisor, PASSWORD, "/api/reports/ratings.csv?from=" + URLEncoder.encode("2024-06-01'--", StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(400);
    }

    @Test
    void ratingsCsvStartsWithAByteOrderMarkQuotesAsRfc4180AndDefusesFormulas() throws Exception {
        HttpResponse<byte[]> response = http.send(request(supervisor, PASSWORD, "/api/reports/ratings.csv?" + RANGE),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("ratings-2024-06-01-to-2024-06-30.csv");
        byte[] body = response.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);
        assertThat(lines[0]).isEqualTo(String.join(",", ReportExports.RATING_COLUMNS));
        assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\",");
        assertThat(csv).contains(",\"خیلی خوب بود، \"\"ممنون\"\"\nواقعاً\",");
        assertThat(csv).contains(",'-1+2,");
        assertThat(csv).endsWith("\r\n");
        // Header, three answers (two ratings and one NPS), and the empty string after the last line end.
        assertThat(csv.split("\r\n(?=[0-9a-f]{8}-|$)")).hasSize(4);
    }

    @Test
    void conversationsCsvHasOneRowPerConversationWithItsFigures() throws Exception {
        HttpResponse<String> response = get(supervisor, PASSWORD, "/api/reports/conversations.csv?" + RANGE + "&language=fa");
        assertThat(response.statusCode()).isEqualTo(200);
        String[] lines = response.body().substring(1).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0]).isEqualTo(String.join(",", ReportExports.CONVERSATION_COLUMNS));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",person,ana,billing,true,120,60,240,0,false,true,2,"));
        assertThat(lines).anySatisfy(line -> assertThat(line).contains(",bot,,,true,,,,0,false,true,5,false,false,10,"));
    }

    @Test
    void prometheusShowsRatingsByScoreAndTheQueue() throws Exception {
        HttpResponse<String> metrics = get("admin", TestPostgres.ADMIN_PASSWORD, "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("dastyar_csat_ratings{score=\"5\"} 1.0")
                .contains("dastyar_csat_ratings{score=\"1\"} 0.0")
                .contains("dastyar_nps_answers{score=\"10\"} 1.0")
                .contains("dastyar_queue_length ")
                .contains("dastyar_agents_online ")
                .contains("dastyar_conversations_open{state=\"QUEUED\"}")
                .contains("dastyar_first_response_seconds_bucket{le=\"120.0\"}");
        assertThat(get(supervisor, PASSWORD, "/actuator/prometheus").statusCode()).isEqualTo(403);
    }

    private void assertProblem(String query, String detail) throws Exception {
        String path = query.startsWith("/") ? query : "/api/reports/summary?" + query;
        HttpResponse<String> response = get(supervisor, PASSWORD, path);
        assertThat(response.statusCode()).as(query).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo(BadReportRequest.TYPE.toString());
        assertThat(problem.get("detail").asString()).contains(detail);
    }

    private String account(Role role) {
        String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(username, "Someone " + role, PASSWORD, role));
        return username;
    }

    private HttpResponse<String> get(String user, String password, String path) throws Exception {
        return http.send(request(user, password, path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpRequest request(String user, String password, String path) {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic).build();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
