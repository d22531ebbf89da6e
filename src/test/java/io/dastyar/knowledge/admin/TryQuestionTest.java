package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.search.Hit;
import io.dastyar.system.Language;

/** {@code /admin/knowledge/try}: the ranked hits with their scores, cut where the threshold lies. */
class TryQuestionTest extends KnowledgeAdminTestBase {

    @Autowired
    KnowledgeProperties properties;

    @Test
    void showsEveryScoreAndDrawsTheThresholdBetweenTheHitsAboveAndBelowIt() throws Exception {
        String strong = uniqueId("samovar-descaling");
        String weak = uniqueId("teapots");
        put(Language.EN, strong, article("How do I descale a samovar?", "Samovar descaling", "Use citric acid."));
        // Shares one word with the question, in the body only: found, but far from the threshold.
        put(Language.EN, weak, article("Which teapots do you sell?", "Do you have teapots?", "Every size, and a samovar too."));
        String question = "samovar descaling";
        var hits = knowledgeBase.search(question, Optional.of(Language.EN), 10).hits();
        double threshold = properties.thresholds().of(Language.EN);
        assertThat(hits).extracting(Hit::id).startsWith(strong, weak);
        assertThat(hits.get(0).score()).isGreaterThanOrEqualTo(threshold);
        assertThat(hits.get(1).score()).isLessThan(threshold);

        String html = page("/admin/knowledge/try?lang=en&q=" + question);

        assertThat(html).contains("Searched in <strong>en</strong>, as chosen")
                .contains("The bot would answer with")
                .contains("threshold <span>" + decimal(threshold) + "</span>")
                .contains("The threshold is refined from feedback once");
        String table = section(html, "<table", "</table>");
        assertThat(table).contains(decimal(hits.get(0).score())).contains(decimal(hits.get(1).score()));
        int above = table.indexOf(strong);
        int line = table.indexOf("class=\"threshold\"");
        int below = table.indexOf(weak);
        assertThat(above).isPositive().isLessThan(line);
        assertThat(line).isLessThan(below);
        assertThat(tagWith(table.substring(line), "<tr class=\"below\"")).isNotEmpty();
    }

    @Test
    void saysWhenTheBotWouldNotAnswer() throws Exception {
        String html = page("/admin/knowledge/try?lang=en&q=quantum chromodynamics lecture");
        assertThat(html).contains("The bot would not answer").doesNotContain("The bot would answer with");
    }

    @Test
    void showsTheDetectedLanguageWhenNoneIsChosen() throws Exception {
        assertThat(page("/admin/knowledge/try?q=سفارشم کجاست؟")).contains("Detected language: <strong>fa</strong>");
        assertThat(page("/admin/knowledge/try?q=where is my order&lang=xx")).contains("Choose en, fa, ar or az")
                .doesNotContain("The bot would");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(admin())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }
}
