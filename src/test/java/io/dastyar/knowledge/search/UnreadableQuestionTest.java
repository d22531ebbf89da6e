package io.dastyar.knowledge.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * A question with nothing to read in it finds nothing, in English (ranked by meaning with the bundled model) and
 * in every language at once, instead of failing.
 */
class UnreadableQuestionTest {

    @TempDir
    static Path dir;

    private static KnowledgeBase knowledgeBase;

    @BeforeAll
    static void openWithTheBundledModel() throws IOException {
        var articles = new ArticleFolder(dir.resolve("articles"));
        articles.write("en/returns.md", ArticleFolder.article("How do I return an item?", "Send it back within 14 days."));
        articles.write("fa/track.md", ArticleFolder.article("سفارشم کجاست؟", "از بخش سفارش‌های من پیگیری کنید."));
        KnowledgeProperties settings = KnowledgeSettings.bind(Map.of("dir", articles.dir().toString(), "index-dir", "",
                "semantic.cache", dir.resolve("embeddings").toString()));
        knowledgeBase = new KnowledgeBase(settings, SentenceEmbedder.configured(settings.semantic()));
    }

    @AfterAll
    static void close() throws IOException {
        knowledgeBase.close();
    }

    @Test
    void aQuestionInWordsIsRankedByMeaning() {
        assertThat(knowledgeBase.search("can i give this back for my money", Optional.of(Language.EN), 1).hits())
                .singleElement().satisfies(hit -> assertThat(hit.id()).isEqualTo("returns"));
    }

    /** Should another model refuse a question, the words still rank it; the model's vectors of the articles stay. */
    @Test
    void aQuestionTheModelRefusesIsRankedByItsWords() throws IOException {
        SentenceEmbedder refusing = new SentenceEmbedder() {
            @Override
            public String modelId() {
                return "refusing";
            }

            @Override
            public List<float[]> embedAll(List<String> texts) {
                return texts.stream().map(text -> new float[] {1, 0}).toList();
            }

            @Override
            public float[] embedQuery(String text) {
                throw new IllegalArgumentException("Cannot embed " + text);
            }
        };
        KnowledgeProperties settings = KnowledgeSettings.bind(Map.of("dir", dir.resolve("articles").toString(),
                "index-dir", "", "semantic.cache", dir.resolve("embeddings").toString()));
        try (var refused = new KnowledgeBase(settings, Optional.of(refusing))) {
            assertThat(refused.search("return an item", Optional.of(Language.EN), 1).hits())
                    .singleElement().satisfies(hit -> assertThat(hit.id()).isEqualTo("returns"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.dastyar.knowledge.UnreadableQuestions#all")
    void aQuestionOfInvisibleCharactersAloneFindsNothing(String name, String question) {
        for (Optional<Language> language : List.of(Optional.of(Language.EN), Optional.<Language>empty())) {
            SearchResult result = knowledgeBase.search(question, language, 5);
            assertThat(result.hits()).as("searched in %s", language).isEmpty();
            assertThat(result.answerable()).isFalse();
        }
    }
}
