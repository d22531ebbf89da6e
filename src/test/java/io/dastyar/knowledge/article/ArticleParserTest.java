package io.dastyar.knowledge.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.dastyar.knowledge.article.ArticleParser.InvalidArticleException;
import io.dastyar.system.Language;

class ArticleParserTest {

    private final ArticleParser parser = new ArticleParser();
    private final ArticleId id = new ArticleId("track-order");

    @Test
    void readsTheFrontMatterAndTheAnswer() throws Exception {
        Article article = parser.parse(id, Language.FA, """
                ---
                title: سفارشم کجاست؟
                questions:
                  - بسته‌ام کی می‌رسد؟
                  - "پیگیری سفارش: کد رهگیری"
                tags: [orders, delivery]
                escalate: true
                ---
                از بخش **سفارش‌های من** وضعیت را ببینید.
                """);
        assertThat(article.title()).isEqualTo("سفارشم کجاست؟");
        assertThat(article.questions()).containsExactly("بسته‌ام کی می‌رسد؟", "پیگیری سفارش: کد رهگیری");
        assertThat(article.tags()).containsExactly("orders", "delivery");
        assertThat(article.escalate()).isTrue();
        assertThat(article.body()).isEqualTo("از بخش **سفارش‌های من** وضعیت را ببینید.");
        assertThat(article.key()).isEqualTo("fa/track-order");
    }

    @Test
    void questionsTagsAndEscalateAreOptional() throws Exception {
        Article article = parser.parse(id, Language.EN, "---\r\ntitle: Track an order\r\n---\r\nOpen My orders.\r\n");
        assertThat(article.questions()).isEmpty();
        assertThat(article.escalate()).isFalse();
    }

    @Test
    void problemsNameTheirLine() {
        assertProblem("title: no fence\n---\nbody", 1, "must start with a '---'");
        assertProblem("---\ntitle: never closed\nbody", 1, "never closed");
        assertProblem("---\nquestions: [a]\n---\nbody", 1, "'title' is missing");
        assertProblem("---\ntitle: ok\nquestions: [a, b\n---\nbody", 3, "bad front matter");
        assertProblem("---\ntitle: ok\nquestions: just one string\n---\nbody", 3, "'questions' must be a list");
        assertProblem("---\ntitle: ok\ntags: [a]\nescalate: sometimes\n---\nbody", 4, "'escalate' must be true or false");
        assertProblem("---\ntitle: ok\n---\n\n", 4, "answer after the front matter is empty");
    }

    private void assertProblem(String content, int line, String message) {
        assertThatThrownBy(() -> parser.parse(id, Language.EN, content))
                .isInstanceOfSatisfying(InvalidArticleException.class, e -> {
                    assertThat(e.getMessage()).contains(message);
                    assertThat(e.line()).as(e.getMessage()).isEqualTo(line);
                });
    }
}
