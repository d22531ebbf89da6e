package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import io.dastyar.knowledge.admin.QuestionGroups.Group;
import io.dastyar.system.Language;

/**
 * {@code /admin/knowledge/unanswered}: questions without a confident answer, and questions whose answer did not
 * help or was followed by asking for a person, grouped, with a link that starts an article from them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // the questions are inserted once, and counted by every test
class UnansweredQuestionsTest extends KnowledgeAdminTestBase {

    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*/admin/knowledge/new[^\"]*)\"");

    @Autowired
    UnansweredQuestions unanswered;

    private final Instant start = Instant.now().minus(Duration.ofHours(1));
    private int minutes;

    @BeforeAll
    void questionsAndVerdicts() {
        asked(UUID.randomUUID(), "en", "Do you accept bitcoin payments?", null);
        asked(UUID.randomUUID(), "en", "do you accept Bitcoin payment", null);
        UUID notHelped = UUID.randomUUID();
        asked(notHelped, "en", "Do you take bitcoin payments?", "payment-methods");
        verdict(notHelped, "payment-methods", "NOT_HELPED");
        UUID handedOff = UUID.randomUUID();
        asked(handedOff, "en", "Do you accept bitcoin payments?", "payment-methods");
        verdict(handedOff, "payment-methods", "HANDED_OFF");
        UUID helped = UUID.randomUUID();
        asked(helped, "en", "Do you accept bitcoin payments at the till?", "payment-methods");
        verdict(helped, "payment-methods", "HELPED");
        asked(UUID.randomUUID(), "en", "Do you accept bitcoin payments?", "payment-methods"); // answered, no verdict

        // Only the latest question the article answered in a conversation is the one its verdict is about.
        UUID twice = UUID.randomUUID();
        asked(twice, "en", "Do you deliver to Tabriz on Fridays?", "delivery");
        asked(twice, "en", "What does delivery to Tabriz cost?", "delivery");
        verdict(twice, "delivery", "NOT_HELPED");

        asked(UUID.randomUUID(), "fa", "فروشگاه در تبریز دارید؟", null);
        asked(UUID.randomUUID(), "fa", "فروشگاه در تبريز داريد", null);
    }

    @Test
    void groupsTheQuestionsTheKnowledgeBaseFailedOnMostFrequentFirst() {
        List<Group> groups = unanswered.groups();

        Group bitcoin = containing(groups, "Do you take bitcoin payments?");
        assertThat(bitcoin.language()).isEqualTo(Language.EN);
        assertThat(bitcoin.count()).isEqualTo(4);
        assertThat(bitcoin.examples()).containsExactly("Do you accept bitcoin payments?",
                "Do you take bitcoin payments?", "do you accept Bitcoin payment");
        Group persian = containing(groups, "فروشگاه در تبریز دارید؟");
        assertThat(persian.count()).isEqualTo(2);
        Group delivery = containing(groups, "What does delivery to Tabriz cost?");
        assertThat(delivery.count()).isEqualTo(1);
        assertThat(groups.indexOf(bitcoin)).isLessThan(groups.indexOf(persian));
        assertThat(groups.indexOf(persian)).isLessThan(groups.indexOf(delivery));

        assertThat(groups).flatExtracting(Group::examples)
                .doesNotContain("Do you accept bitcoin payments at the till?", "Do you deliver to Tabriz on Fridays?");
    }

    @Test
    void theCreateLinkStartsANewArticleWithTheGroupsQuestionsAndLanguage() throws Exception {
        String html = page("/admin/knowledge/unanswered");
        String bitcoin = row(html, "Do you take bitcoin payments?");
        assertThat(bitcoin).contains("<td class=\"number\">4</td>");

        String form = page(link(bitcoin));
        assertThat(section(form, "name=\"questions\"", "</textarea>")).contains(
                "Do you accept bitcoin payments?\nDo you take bitcoin payments?\ndo you accept Bitcoin payment");
        assertThat(tagWith(form, "value=\"en\"")).contains("selected");

        String persian = page(link(row(html, "فروشگاه در تبریز دارید؟")));
        assertThat(section(persian, "name=\"questions\"", "</textarea>"))
                .contains("فروشگاه در تبريز داريد\nفروشگاه در تبریز دارید؟"); // newest first
        assertThat(tagWith(persian, "value=\"fa\"")).contains("selected");
        assertThat(tagWith(persian, "name=\"questions\"")).contains("dir=\"rtl\"");
    }

    private void asked(UUID conversation, String language, String question, String article) {
        jdbc.sql("""
                        INSERT INTO kb_question (conversation_id, language, question, article_id, score, asked_at)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(conversation, language, question, article, article == null ? null : 0.6, next()).update();
    }

    private void verdict(UUID conversation, String article, String verdict) {
        jdbc.sql("""
                        INSERT INTO kb_feedback (conversation_id, language, article_id, verdict, given_at)
                        VALUES (?, 'en', ?, ?, ?)""")
                .params(conversation, article, verdict, next()).update();
    }

    private Timestamp next() {
        return Timestamp.from(start.plus(Duration.ofMinutes(minutes++)));
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(URI.create(url)).with(admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static Group containing(List<Group> groups, String question) {
        return groups.stream().filter(group -> group.examples().contains(question)).findFirst()
                .orElseThrow(() -> new AssertionError("no group has " + question + ": " + groups));
    }

    private static String row(String html, String example) {
        return Arrays.stream(html.split("<tr")).filter(row -> row.contains(example)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + example));
    }

    private static String link(String row) {
        var href = HREF.matcher(row);
        assertThat(href.find()).as("a Create article link in %s", row).isTrue();
        return href.group(1).replace("&amp;", "&");
    }
}
