package io.dastyar.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;
import io.dastyar.support.TestPostgres;

/**
 * Through a real Tomcat, as browsers and clients meet it: error pages of the product, JSON for the API, the
 * favicon, and a client's malformed request answered with 400 or 413 and one WARN line, no ERROR, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestPostgres.Initializer.class)
class StaffErrorPagesTest {

    private static final String PASSWORD = "correct horse battery";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;
    @Autowired
    Accounts accounts;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    @Test
    void badPercentEncodingIsABadRequestNotAnError(CapturedOutput output) throws Exception {
        for (String path : new String[] {"/?lang=%FF", "/login?lang=%FF", "/admin/knowledge?q=%FF", "/agent?t=secret42%FF",
                "/api/kb/search?q=%FF&lang=en", "/css/console.css?v=%C3%28"}) {
            HttpResponse<String> response = send(get(path).header("Accept", "text/html"));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        HttpResponse<String> page = send(get("/login?lang=%FF").header("Accept", "text/html"));
        assertThat(page.body()).contains("The request could not be read").doesNotContain("Whitelabel");
        assertThat(send(get("/api/kb/search?q=%FF").header("Accept", "text/html")).headers()
                .firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        assertThat(output.getAll()).contains("WARN").contains("MalformedRequests").contains("400 GET /login")
                .doesNotContain("ERROR").doesNotContain("InvalidParameterException").doesNotContain("\tat ")
                .doesNotContain("secret42"); // what the parameters said stays out of the log
    }

    @Test
    void anOversizedSignInFormIsRefusedWith413NotAnError(CapturedOutput output) throws Exception {
        String form = "username=admin&password=" + "x".repeat(3_000_000);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/login")).header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("Too much to send");
        // Percent-escapes that are not UTF-8 in a form are the same client mistake.
        assertThat(send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=%FF&password=x"))).statusCode()).isEqualTo(400);

        assertThat(output.getAll()).contains("413 POST /login").doesNotContain("ERROR").doesNotContain("\tat ");
    }

    @Test
    void formsAreStillReadAsUtf8(CapturedOutput output) throws Exception {
        // Reading parameters early must not read them before Spring Boot has set the request's encoding.
        String name = "utf8-" + UUID.randomUUID().toString().substring(0, 8);
        var account = accounts.create(new NewUser(name, "Sara", PASSWORD, Role.AGENT));
        signIn("admin", TestPostgres.ADMIN_PASSWORD);
        String form = "displayName=" + URLEncoder.encode("سارا رحیمی", StandardCharsets.UTF_8) + "&_csrf="
                + csrf("/admin/users");
        HttpResponse<String> renamed = send(HttpRequest.newBuilder(uri("/admin/users/" + account.id().value() + "/display-name"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(accounts.byUsername(name).orElseThrow().displayName()).isEqualTo("سارا رحیمی");
        assertThat(output.getAll()).doesNotContain("MalformedRequests");
    }

    @Test
    void aMissingPageIsAPageOfTheProductWithTheNavigationAndAWayBack() throws Exception {
        signInAsNewAgent();
        HttpResponse<String> missing = send(get("/agent/nothing-here").header("Accept", "text/html"));
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found", "Error 404", "<header class=\"staff\">",
                "Signed in as Nav Tester", "href=\"/agent\"", "Go to your start page", "action=\"/logout\"")
                .doesNotContain("Whitelabel").doesNotContain("/admin/users");

        HttpResponse<String> forbidden = send(get("/admin/users").header("Accept", "text/html"));
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("Not for your role", "Error 403", "Go to your start page")
                .doesNotContain("Whitelabel");

        // In the user's language: Persian, right to left, with Persian digits.
        send(get("/agent?locale=fa"));
        HttpResponse<String> persian = send(get("/agent/nothing-here").header("Accept", "text/html"));
        assertThat(persian.body()).contains("<html lang=\"fa\" dir=\"rtl\">", "صفحه پیدا نشد", "۴۰۴");
    }

    @Test
    void apiClientsKeepGettingJson() throws Exception {
        for (String accept : new String[] {"application/json", "text/html", "*/*"}) {
            HttpResponse<String> response = send(get("/api/kb/search").header("Accept", accept));
            assertThat(response.statusCode()).as(accept).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(accept)
                    .matches("application/(problem\\+)?json.*");
            assertThat(response.body()).as(accept).contains("\"status\":400").doesNotContain("<html");
        }
        HttpResponse<String> unauthenticated = send(get("/api/agent/anything").header("Accept", "application/json"));
        assertThat(unauthenticated.statusCode()).isEqualTo(401);
        assertThat(unauthenticated.body()).doesNotContain("<html");
    }

    @Test
    void theFaviconIsThereForEveryone() throws Exception {
        HttpResponse<String> ico = send(get("/favicon.ico"));
        assertThat(ico.statusCode()).isEqualTo(200);
        assertThat(ico.headers().firstValue("Content-Type")).hasValue("image/x-icon");
        HttpResponse<String> svg = send(get("/favicon.svg"));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).startsWith("<svg");
    }

    private void signInAsNewAgent() throws IOException, InterruptedException {
        String name = "errors-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(name, "Nav Tester", PASSWORD, Role.AGENT));
        assertThat(signIn(name, PASSWORD)).endsWith("/agent");
    }

    /** Where signing in leads. */
    private String signIn(String username, String password) throws IOException, InterruptedException {
        String form = "username=" + username + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf("/login");
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        return signedIn.headers().firstValue("Location").orElseThrow();
    }

    private String csrf(String page) throws IOException, InterruptedException {
        var matcher = CSRF.matcher(send(get(page)).body());
        assertThat(matcher.find()).as("a CSRF token on " + page).isTrue();
        return matcher.group(1);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(uri(path)).GET();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
