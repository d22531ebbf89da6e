package io.dastyar.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The canned responses agents insert by typing {@code /} and a shortcut, per customer language, read once from
 * {@code agent/canned-responses.json} on the class path (format in {@code docs/agent-console.md}). There is no
 * editor yet: a deployment changes the file and restarts.
 */
@Component
class CannedResponses {

    static final String RESOURCE = "agent/canned-responses.json";

    /** One response; {@code text} may hold {@code {customerName}} and {@code {agentName}}. */
    record Response(String shortcut, String title, String text) {
    }

    /** @param responses by language tag */
    record Catalogue(Map<String, List<Response>> responses) {
    }

    private final Catalogue catalogue;

    CannedResponses(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            this.catalogue = json.readValue(in, Catalogue.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    Catalogue catalogue() {
        return catalogue;
    }
}
