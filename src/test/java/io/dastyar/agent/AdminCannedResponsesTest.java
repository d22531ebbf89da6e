package io.dastyar.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import io.dastyar.support.PostgresTest;

/** Admins add, change and delete canned responses; the console's list follows at once; nobody else may. */
@PostgresTest
class AdminCannedResponsesTest {

    private static final String PAGE = "/admin/canned-responses";

    @Autowired
    WebApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private MockMvc mvc;
    private final String shortcut = "track-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() {
        mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }

    @AfterEach
    void tidy() {
        jdbc.sql("DELETE FROM canned_response WHERE shortcut LIKE 'track-%' OR shortcut LIKE 'پیگیری-%'").update();
    }

    @Test
    void theResponsesOnceInTheResourceFileAreSeededInEveryLanguage() throws Exception {
        String page = html(get(PAGE).with(as("ADMIN")));
        assertThat(page).contains("/refund", "Refund started", "بازپرداخت", "استرداد المبلغ", "Geri ödəniş",
                "{customerName}", "name=\"_csrf\"", "aria-current=\"page\"");
        String catalogue = html(get("/api/agent/canned-responses").with(as("AGENT")));
        assertThat(catalogue).contains("\"fa\":[", "\"shortcut\":\"hello\"", "{agentName}");
    }

    @Test
    void anAdminAddsEditsAndDeletesAResponseAndTheConsoleListFollows() throws Exception {
        mvc.perform(post(PAGE).with(as("ADMIN")).with(csrf()).param("language", "FA")
                        .param("shortcut", shortcut.toUpperCase()).param("title", "پیگیری سفارش")
                        .param("text", "{customerName}، سفارش شما در راه است. {agentName}"))
                .andExpect(redirectedUrl(PAGE));
        assertThat(html(get(PAGE).with(as("ADMIN")))).contains("/" + shortcut, "پیگیری سفارش");
        assertThat(html(get("/api/agent/canned-responses").with(as("AGENT"))))
                .contains("\"shortcut\":\"" + shortcut + "\"", "سفارش شما در راه است");
        long id = id(shortcut);

        mvc.perform(post(PAGE + "/" + id).with(as("ADMIN")).with(csrf()).param("language", "FA")
                        .param("shortcut", shortcut).param("title", "پیگیری").param("text", "سفارش شما فردا تحویل داده خواهد شد."))
                .andExpect(redirectedUrl(PAGE));
        assertThat(html(get(PAGE + "/" + id).with(as("ADMIN")))).contains("سفارش شما فردا تحویل داده خواهد شد.");
        mvc.perform(post(PAGE + "/" + id + "/delete").with(as("ADMIN")).with(csrf())).andExpect(redirectedUrl(PAGE));
        assertThat(html(get("/api/agent/canned-responses").with(as("AGENT")))).doesNotContain(shortcut);
        mvc.perform(get(PAGE + "/" + id).with(as("ADMIN"))).andExpect(status().isNotFound());
        mvc.perform(post(PAGE + "/" + id).with(as("ADMIN")).with(csrf()).param("language", "FA")
                .param("shortcut", shortcut).param("title", "x").param("text", "y")).andExpect(status().isNotFound());
    }

    @Test
    void mistakesAreNamedInTheAdminsLanguageAndNothingIsSaved() throws Exception {
        assertThat(add("EN", "hello", "Hi", "Hello!", "en")).contains("This language already has /hello.");
        assertThat(add("EN", "HELLO", "Hi", "Hello!", "en")).contains("This language already has /hello.");
        assertThat(add("EN", shortcut, "Title", "   ", "en")).contains("Write the text of the response.");
        assertThat(add("EN", shortcut, "Title", "x".repeat(1_001), "en")).contains("At most 1,000 characters.");
        assertThat(add("EN", "/" + shortcut, "Title", "Text", "en")).contains("without the /");
        assertThat(add("EN", "", "", "Text", "en")).contains("Fill this in.");
        assertThat(add("KLINGON", shortcut, "Title", "Text", "en")).contains("Choose one of the languages listed.");
        assertThat(add("FA", "hello", "سلام", "سلام!", "fa")).contains("<html lang=\"fa\" dir=\"rtl\">",
                "این زبان پیش‌تر", "/hello");
        assertThat(add("AR", shortcut, "عنوان", "", "ar")).contains("اكتب نص الرد.");
        // What was typed stays in the form.
        assertThat(add("EN", shortcut, "Kept title", "", "en")).contains("value=\"Kept title\"");
        assertThat(jdbc.sql("SELECT count(*) FROM canned_response WHERE shortcut = ?").param(shortcut)
                .query(Integer.class).single()).isZero();

        long hello = jdbc.sql("SELECT id FROM canned_response WHERE language = 'en' AND shortcut = 'hello'")
                .query(Long.class).single();
        String clash = html(post(PAGE + "/" + hello).with(as("ADMIN")).with(csrf()).param("language", "EN")
                .param("shortcut", "bye").param("title", "Greeting").param("text", "Hi"));
        assertThat(clash).contains("This language already has /bye.");
    }

    @Test
    void onlyAdminsManageThemAndFormsNeedTheirCsrfToken() throws Exception {
        for (String role : new String[] {"AGENT", "SUPERVISOR"}) {
            mvc.perform(get(PAGE).with(as(role))).andExpect(status().isForbidden());
            mvc.perform(post(PAGE).with(as(role)).with(csrf()).param("language", "EN").param("shortcut", shortcut)
                    .param("title", "t").param("text", "t")).andExpect(status().isForbidden());
        }
        mvc.perform(get(PAGE).accept("text/html")).andExpect(redirectedUrl("/login"));
        mvc.perform(post(PAGE).with(as("ADMIN")).param("language", "EN").param("shortcut", shortcut)
                .param("title", "t").param("text", "t")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT count(*) FROM canned_response WHERE shortcut = ?").param(shortcut)
                .query(Integer.class).single()).isZero();
    }

    private String add(String language, String shortcut, String title, String text, String locale) throws Exception {
        return html(post(PAGE).with(as("ADMIN")).with(csrf()).header("Accept-Language", locale)
                .param("language", language).param("shortcut", shortcut).param("title", title).param("text", text));
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        var response = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse();
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private long id(String shortcut) {
        return jdbc.sql("SELECT id FROM canned_response WHERE shortcut = ?").param(shortcut).query(Long.class).single();
    }

    private static RequestPostProcessor as(String role) {
        return user("someone-" + role.toLowerCase()).roles(role);
    }
}
