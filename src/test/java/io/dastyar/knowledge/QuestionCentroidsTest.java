package io.dastyar.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.dastyar.system.Language;

class QuestionCentroidsTest {

    private final QuestionCentroids none = new QuestionCentroids(
            List.of(LanguageAnalyzers.forLanguage(Language.FA), LanguageAnalyzers.ngrams(Language.FA)));

    private static Article article(String id, String... questions) {
        return new Article(new ArticleId(id), Language.FA, id, List.of(questions), List.of(), false, "…");
    }

    @Test
    void aQuestionAskedWordForWordIsClosestToItsArticle() {
        QuestionCentroids centroids = none.rebuilt(List.of(
                article("track", "سفارش من کجاست", "بسته‌ام کی می‌رسد"),
                article("refund", "پولم را کی پس می‌دهید", "بازپرداخت چقدر طول می‌کشد")));

        var similarity = centroids.similarity("بازپرداخت چقدر طول می‌کشد");

        assertThat(similarity.get("refund")).isGreaterThan(similarity.getOrDefault("track", 0.0)).isLessThanOrEqualTo(1.0);
        // Persian digits, Arabic letters and no ZWNJ: the same words after normalisation.
        assertThat(centroids.similarity("سفارش من كجاست")).containsKey("track");
    }

    @Test
    void aRebuildSeesChangedAndRemovedArticlesAndScoresTheRestAsAFreshBuildWould() {
        QuestionCentroids before = none.rebuilt(List.of(
                article("track", "سفارش من کجاست"),
                article("refund", "پولم را کی پس می‌دهید"),
                article("warranty", "گارانتی چند ماه است")));
        List<Article> now = List.of(
                article("track", "سفارش من کجاست", "کد رهگیری مرسوله"),
                article("refund", "پولم را کی پس می‌دهید"));

        QuestionCentroids rebuilt = before.rebuilt(now);

        assertThat(rebuilt.similarity("کد رهگیری")).containsOnlyKeys("track");
        assertThat(rebuilt.similarity("گارانتی")).isEmpty();
        QuestionCentroids fresh = none.rebuilt(now);
        assertThat(rebuilt.similarity("پولم را کی پس می‌دهید").get("refund"))
                .isCloseTo(fresh.similarity("پولم را کی پس می‌دهید").get("refund"), within(1e-6));
    }
}
