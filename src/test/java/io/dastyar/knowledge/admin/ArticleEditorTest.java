package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.dastyar.system.Language;

/** Creating, editing and deleting articles through {@code /admin/knowledge}, as an admin's browser would. */
class ArticleEditorTest extends KnowledgeAdminTestBase {

    @Test
    void aNewArticleIsWrittenWithItsFrontMatterAndIsFoundAtOnce() throws Exception {
        String id = uniqueId("gift-wrap");

        mvc.perform(form(post("/admin/knowledge/new"), "en", id, "Can you wrap my order as a gift?",
                        "Do you offer gift wrapping?\r\n\r\nIs giftwrap free?\r\n", "gifts, orders", true,
                        "We wrap **any** order for free.\r\nChoose it at checkout."))
                .andExpect(redirectedUrl("/admin/knowledge/en/" + id));

        assertThat(read(Language.EN, id)).hasValue("""
                ---
                title: Can you wrap my order as a gift?
                questions:
                  - Do you offer gift wrapping?
                  - Is giftwrap free?
                tags:
                  - gifts
                  - orders
                escalate: true
                ---
                We wrap **any** order for free.
                Choose it at checkout.
                """);
        mvc.perform(get("/api/kb/search").param("q", "gift wrapping").param("lang", "en"))
                .andExpect(jsonPath("$.hits[0].id").value(id))
                .andExpect(jsonPath("$.answerable").value(true));
        assertThat(audit(id)).singleElement().satisfies(row -> {
            assertThat(row).containsEntry("username", ADMIN).containsEntry("action", "CREATE")
                    .containsEntry("before_text", null).containsEntry("after_text", read(Language.EN, id).orElseThrow());
            assertThat(row.get("at")).isNotNull();
        });
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void anEditIsAnsweredAtOnceAndAuditedWithTheTextBeforeAndAfter() throws Exception {
        String id = uniqueId("opening-hours");
        String before = article("When is the shop open?", "What are your opening hours?", "From 9 to 5.");
        put(Language.EN, id, before);

        mvc.perform(get("/admin/knowledge/en/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("What are your opening hours?")));
        mvc.perform(form(post("/admin/knowledge/en/" + id), "en", id, "When is the shop open?",
                        "What are your opening hours?\nAre you open on holidays?", "", false,
                        "From 9 to 5, and from 10 to 2 on holidays.")
                        .param("version", ArticleEditor.version(Optional.of(before))))
                .andExpect(redirectedUrl("/admin/knowledge/en/" + id));

        String after = read(Language.EN, id).orElseThrow();
        assertThat(after).contains("  - Are you open on holidays?").endsWith("on holidays.\n").doesNotContain("tags:");
        mvc.perform(get("/api/kb/search").param("q", "are you open on holidays").param("lang", "en"))
                .andExpect(jsonPath("$.hits[0].id").value(id))
                .andExpect(jsonPath("$.answerable").value(true));
        assertThat(audit(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("username", ADMIN).containsEntry("action", "UPDATE")
                .containsEntry("before_text", before).containsEntry("after_text", after));
        mvc.perform(get("/admin/knowledge/en/" + id).with(admin()))
                .andExpect(content().string(containsString("<td>" + ADMIN + "</td>")))
                .andExpect(content().string(containsString("<td>UPDATE</td>")));
    }

    @Test
    void aFileThatNeverLoadedOpensInTheEditorWithItsWholeTextAndCanBeRepaired() throws Exception {
        String id = uniqueId("gift-cards");
        String broken = "---\ntitle: [Gift cards\nquestions:\n  - Do you sell gift cards?\n---\nYes, from 10 to 500 euros.\n";
        put(Language.EN, id, broken);

        mvc.perform(get("/admin/knowledge").with(admin()))
                .andExpect(content().string(containsString("href=\"/admin/knowledge/en/" + id + "\"")));
        mvc.perform(get("/admin/knowledge/en/" + id).with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("It has never loaded")))
                .andExpect(content().string(containsString("Yes, from 10 to 500 euros.")))
                .andExpect(content().string(containsString("title: [Gift cards")));
        mvc.perform(form(post("/admin/knowledge/en/" + id), "en", id, "Gift cards", "Do you sell gift cards?", "",
                        false, "Yes, from 10 to 500 euros.").param("version", ArticleEditor.version(Optional.of(broken))))
                .andExpect(redirectedUrl("/admin/knowledge/en/" + id));

        mvc.perform(get("/api/kb/search").param("q", "do you sell gift cards").param("lang", "en"))
                .andExpect(jsonPath("$.hits[0].id").value(id));
        assertThat(audit(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "UPDATE").containsEntry("before_text", broken));
    }

    @Test
    void anEditMadeOnAStaleVersionIsRefused() throws Exception {
        String id = uniqueId("stale");
        String text = article("Do you ship abroad?", "Can you deliver to Turkey?", "Not yet.");
        put(Language.EN, id, text);

        mvc.perform(form(post("/admin/knowledge/en/" + id), "en", id, "Do you ship abroad?", "", "", false,
                        "Yes, everywhere.").param("version", ArticleEditor.version(Optional.of("an older text"))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this article after you opened it")));

        assertThat(read(Language.EN, id)).hasValue(text);
        assertThat(audit(id)).isEmpty();
    }

    @Test
    void invalidInputGetsAClearMessageAndWritesNothing() throws Exception {
        String id = uniqueId("invalid");
        mvc.perform(form(post("/admin/knowledge/new"), "en", id, "  ", "", "", false, "Some answer."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Enter a title")));
        assertThat(read(Language.EN, id)).isEmpty();

        mvc.perform(form(post("/admin/knowledge/new"), "en", "Bad Id!", "A title", "", "", false, "Some answer."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1-100 lower-case letters, digits")));
        assertThat(read(Language.EN, "Bad Id!")).isEmpty();

        mvc.perform(form(post("/admin/knowledge/new"), "en", id, "A title", "", "", false, " \r\n "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Write the answer")));
        assertThat(read(Language.EN, id)).isEmpty();

        String existing = article("Who are you?", "What is Anar?", "An online shop.");
        put(Language.EN, id, existing);
        mvc.perform(form(post("/admin/knowledge/new"), "en", id, "Another title", "", "", false, "Another answer."))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("There is already a")))
                .andExpect(content().string(containsString("edit that one, or choose another id")));
        assertThat(read(Language.EN, id)).hasValue(existing);

        assertThat(audit(id)).isEmpty();
        assertThat(leftovers()).isEmpty();
    }

    @Test
    void aDeleteAsksFirstThenRemovesTheFileAndTheAnswer() throws Exception {
        String id = uniqueId("layaway");
        String text = article("Do you offer layaway?", "Can I reserve an item with layaway?", "No, sorry.");
        put(Language.EN, id, text);
        mvc.perform(get("/api/kb/search").param("q", "layaway").param("lang", "en"))
                .andExpect(jsonPath("$.hits[0].id").value(id));

        mvc.perform(get("/admin/knowledge/en/" + id + "/delete").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("en/" + id + ".md")))
                .andExpect(content().string(containsString("Do you offer layaway?")));
        assertThat(read(Language.EN, id)).isPresent();

        mvc.perform(post("/admin/knowledge/en/" + id + "/delete").with(admin()).with(csrf()))
                .andExpect(redirectedUrl("/admin/knowledge"));

        assertThat(read(Language.EN, id)).isEmpty();
        mvc.perform(get("/api/kb/search").param("q", "layaway").param("lang", "en"))
                .andExpect(jsonPath("$.hits[?(@.id == '" + id + "')]").isEmpty());
        assertThat(audit(id)).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("action", "DELETE").containsEntry("before_text", text).containsEntry("after_text", null));
        mvc.perform(get("/admin/knowledge/en/" + id).with(admin())).andExpect(status().isNotFound());
    }

    @Test
    void thePreviewRendersMarkdownButEscapesRawHtmlAndWritesNothing() throws Exception {
        String id = uniqueId("preview");
        String body = """
                Hello **there**.

                <script>alert('body')</script>

                Look: <img src=x onerror=alert(1)> and [a link](javascript:alert(2)).
                """;

        String html = mvc.perform(form(post("/admin/knowledge/new"), "en", id, "Preview me", "", "", false, body)
                        .param("preview", "true"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();

        String preview = section(html, "<section class=\"preview\"", "</section>");
        assertThat(preview).contains("<strong>there</strong>")
                .contains("&lt;script&gt;")
                .contains("&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("javascript:");
        assertThat(html).doesNotContain("<script").doesNotContain("<img");
        assertThat(read(Language.EN, id)).isEmpty();
    }

    @Test
    void persianAndArabicFieldsAreWrittenRightToLeft() throws Exception {
        String persian = mvc.perform(get("/admin/knowledge/new").param("lang", "fa").with(admin()))
                .andReturn().getResponse().getContentAsString();
        assertThat(tagWith(persian, "name=\"title\"")).contains("dir=\"rtl\"");
        assertThat(tagWith(persian, "name=\"questions\"")).contains("dir=\"rtl\"");
        assertThat(tagWith(persian, "name=\"body\"")).contains("dir=\"rtl\"");
        assertThat(tagWith(persian, "name=\"id\"")).contains("dir=\"ltr\"");

        String english = mvc.perform(get("/admin/knowledge/new").param("lang", "en").with(admin()))
                .andReturn().getResponse().getContentAsString();
        assertThat(tagWith(english, "name=\"body\"")).contains("dir=\"auto\"");
        assertThat(english).doesNotContain("dir=\"rtl\"");
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String language,
                                                      String id, String title, String questions, String tags,
                                                      boolean escalate, String body) {
        request.with(admin()).with(csrf()).param("language", language).param("id", id).param("title", title)
                .param("questions", questions).param("tags", tags).param("body", body).param("_escalate", "on");
        return escalate ? request.param("escalate", "true") : request;
    }

    private List<Map<String, Object>> audit(String id) {
        return jdbc.sql("SELECT username, action, before_text, after_text, at FROM kb_audit WHERE article_id = ? ORDER BY id")
                .param(id).query().listOfRows();
    }

    /** Temporary files an interrupted or refused write would leave. */
    private static List<String> leftovers() throws IOException {
        try (Stream<java.nio.file.Path> files = Files.walk(DIR)) {
            return files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".tmp")).toList();
        }
    }
}
