package io.dastyar.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dastyar.account.Accounts;
import io.dastyar.account.NewUser;
import io.dastyar.account.Role;

/** Staff calling the agent API over HTTP Basic, as a script does (no CSRF token needed), and reading its answers. */
final class StaffApi {

    static final String PASSWORD = "a long enough password";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    StaffApi(int port) {
        this.port = port;
    }

    /** A new user with that role, named after the display name's first word and made unique. */
    static String account(Accounts accounts, String displayName, Role role) {
        String username = displayName.split(" ")[0].toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new NewUser(username, displayName, PASSWORD, role));
        return username;
    }

    HttpResponse<String> call(String user, String method, String path, String body) throws Exception {
        return call(user, PASSWORD, method, path, body);
    }

    HttpResponse<String> call(String user, String password, String method, String path, String body)
            throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + basic)
                .header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String type) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("type").asString()).isEqualTo("https://dastyar.io/problems/" + type);
        assertThat(problem.get("detail").asString()).isNotBlank();
    }
}
