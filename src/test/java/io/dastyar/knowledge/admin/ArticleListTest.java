package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.dastyar.system.Language;

/** {@code /admin/knowledge}: every article with its feedback, a search box, and the files that do not load. */
class ArticleListTest extends KnowledgeAdminTestBase {

    private static final Pattern NUMBER = Pattern.compile("<td class=\"number\">(\\d+)</td>");

    @Test
    void everyLanguageIsListedWithItsQuestionsAndFeedback() throws Exception {
        String id = uniqueId("warranty");
        put(Language.EN, id, "---\ntitle: What does the warranty cover?\nquestions:\n  - Is my phone covered?\n"
                + "  - How long is the warranty?\n---\nTwelve months.\n");
        put(Language.FA, id, article("گارانتی چه چیزهایی را پوشش می‌دهد؟", "گارانتی گوشی چقدر است؟", "دوازده ماه."));
        feedback(id, "en", "HELPED", "HELPED", "NOT_HELPED", "HANDED_OFF");
        feedback(id, "fa", "NOT_HELPED");

        String html = page("/admin/knowledge");

        String english = row(html, id, "<td>en</td>");
        assertThat(english).contains("What does the warranty cover?");
        assertThat(numbers(english)).containsExactly(2, 2, 1);
        String persian = row(html, id, "<td>fa</td>");
        assertThat(tagWith(persian, "گارانتی چه")).contains("dir=\"rtl\"");
        assertThat(numbers(persian)).containsExactly(1, 0, 1);
    }

    @Test
    void theSearchBoxFindsArticlesByIdTitleOrQuestion() throws Exception {
        String kettle = uniqueId("kettle");
        String toaster = uniqueId("toaster");
        put(Language.EN, kettle, article("Can I descale the kettle?", "My kettle has limescale", "Use vinegar."));
        put(Language.EN, toaster, article("Why does the toaster smoke?", "Crumbs are burning", "Empty the tray."));

        assertThat(page("/admin/knowledge?q=LIMESCALE")).contains(kettle).doesNotContain(toaster);
        assertThat(page("/admin/knowledge?q=toaster smoke")).contains(toaster).doesNotContain(kettle);
        assertThat(page("/admin/knowledge?q=" + kettle)).contains(kettle).doesNotContain(toaster);
        assertThat(page("/admin/knowledge")).contains(kettle).contains(toaster);
    }

    @Test
    void filesThatDoNotLoadAreShownWithTheirLineAndProblem() throws Exception {
        String broken = uniqueId("broken");
        put(Language.EN, broken, "---\ntitle: [unclosed\n---\nbody\n");
        try {
            String problems = section(page("/admin/knowledge"), "<section class=\"problems\"", "</section>");
            assertThat(problems).contains("role=\"alert\"").contains("en/" + broken + ".md")
                    .contains("<td class=\"number\">2</td>").contains("bad front matter");
        } finally {
            Files.delete(file(Language.EN, broken));
            knowledgeBase.reload();
        }
        assertThat(page("/admin/knowledge")).doesNotContain(broken);
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private void feedback(String id, String language, String... verdicts) {
        for (String verdict : verdicts) {
            jdbc.sql("""
                            INSERT INTO kb_feedback (conversation_id, language, article_id, verdict, given_at)
                            VALUES (?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), language, id, verdict, Timestamp.from(Instant.now())).update();
        }
    }

    /** The table row of one article in one language. */
    private static String row(String html, String id, String languageCell) {
        return Arrays.stream(html.split("<tr"))
                .filter(row -> row.contains(">" + id + "</a>") && row.contains(languageCell))
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + id + " " + languageCell));
    }

    /** Questions, helped, not helped. */
    private static List<Integer> numbers(String row) {
        return NUMBER.matcher(row).results().map(match -> Integer.parseInt(match.group(1))).toList();
    }
}
