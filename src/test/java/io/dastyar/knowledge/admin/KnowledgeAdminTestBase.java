package io.dastyar.knowledge.admin;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.knowledge.search.KnowledgeBase;
import io.dastyar.support.PostgresTest;
import io.dastyar.system.Language;

/**
 * The whole application with a knowledge-base folder of its own, made for this test run in the temporary
 * directory, so no test ever writes into the repository's {@code knowledge-base/}. Ranking by meaning is off:
 * these tests are about the admin pages, and need no model. The admin pages' tests extend this class and share
 * one Spring context; each uses ids and words of its own, so they do not see each other's articles.
 */
@PostgresTest
abstract class KnowledgeAdminTestBase {

    static final Path DIR = freshFolder();
    static final String ADMIN = "admin-x";

    @DynamicPropertySource
    static void knowledgeBase(DynamicPropertyRegistry registry) {
        registry.add("support.knowledge-base.dir", DIR::toString);
        registry.add("support.knowledge-base.semantic.enabled", () -> "false");
        // The default English threshold is calibrated for ranking by meaning; words alone score a little lower.
        registry.add("support.knowledge-base.thresholds.en", () -> "0.3");
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    KnowledgeBase knowledgeBase;
    @Autowired
    JdbcClient jdbc;

    MockMvc mvc;

    @BeforeEach
    void setUpMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    static RequestPostProcessor admin() {
        return user(ADMIN).roles("ADMIN");
    }

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Path file(Language language, String id) {
        return DIR.resolve(language.tag()).resolve(id + ".md");
    }

    static Optional<String> read(Language language, String id) {
        try {
            Path file = file(language, id);
            return Files.exists(file) ? Optional.of(Files.readString(file, UTF_8)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An article file put on disk directly, as a deployment's own files would be, and loaded. */
    void put(Language language, String id, String text) {
        try {
            Files.createDirectories(DIR.resolve(language.tag()));
            Files.writeString(file(language, id), text, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        knowledgeBase.reload();
    }

    static String article(String title, String question, String body) {
        return "---\ntitle: " + title + "\nquestions:\n  - " + question + "\n---\n" + body + "\n";
    }

    /** The part of a page from the first occurrence of {@code start} up to the next {@code end}. */
    static String section(String html, String start, String end) {
        int from = html.indexOf(start);
        if (from < 0) {
            throw new AssertionError("'" + start + "' is not on the page:\n" + html);
        }
        int to = html.indexOf(end, from + start.length());
        return html.substring(from, to < 0 ? html.length() : to);
    }

    /** The whole start tag around the first occurrence of {@code attribute}, e.g. {@code name="title"}. */
    static String tagWith(String html, String attribute) {
        int at = html.indexOf(attribute);
        if (at < 0) {
            throw new AssertionError("'" + attribute + "' is not on the page:\n" + html);
        }
        return html.substring(html.lastIndexOf('<', at), html.indexOf('>', at) + 1);
    }

    static Path freshFolder() {
        try {
            Path dir = Files.createTempDirectory("dastyar-kb-admin-test-");
            Files.createDirectories(dir.resolve("en")); // watched from the start, like a real deployment's
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(dir)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // only the temporary directory is left behind
        }
    }
}
