package io.dastyar.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.article.Article;
import io.dastyar.system.Language;

/** Learning that would hold up an update runs after it: searches go on meanwhile and end up as if learned inline. */
class BackgroundLearningTest {

    private static final Optional<Language> PERSIAN = Optional.of(Language.FA);
    private static final String QUESTION = "آهنگ مورد علاقه من را پخش کن";

    @Test
    void searchesGoOnWhileTheWeightsAreLearnedAndThenRankAsInlineLearningDoes() throws IOException {
        List<Article> articles = IntentDatasets.articles(
                IntentDatasets.load(Path.of("../shared/datasets"), "massive-fa"));
        KnowledgeProperties settings = KnowledgeSettings.defaults();
        KnowledgeProperties withoutLearning = KnowledgeSettings.bind(Map.of("learning-epochs", 0));

        try (var inline = ArticleIndex.inMemory(articles, settings, Optional.empty());
             var unlearned = ArticleIndex.inMemory(articles, withoutLearning, Optional.empty());
             var background = new ArticleIndex(null, settings, Optional.empty(), 0)) {
            background.update(articles);

            assertThat(background.search(QUESTION, PERSIAN, 5).hits()).isNotEmpty();
            List<Hit> learned = inline.search(QUESTION, PERSIAN, 5).hits();
            assertThat(unlearned.search(QUESTION, PERSIAN, 5).hits()).isNotEqualTo(learned);
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                    .until(() -> background.search(QUESTION, PERSIAN, 5).hits().equals(learned));
        }
    }
}
