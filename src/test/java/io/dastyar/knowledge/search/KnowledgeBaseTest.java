package io.dastyar.knowledge.search;

import static io.dastyar.knowledge.search.ArticleFolder.article;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.article.ArticleProblem;
import io.dastyar.system.Language;

/** Loading from disk: bad files are reported and do not stop the rest, and edits show up without a restart. */
class KnowledgeBaseTest {

    @TempDir
    Path dir;

    @Test
    void aBadFileIsReportedWithItsLineAndTheRestKeepsServing() throws IOException {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        write("en/broken.md", "---\ntitle: [unclosed\n---\nbody");
        write("xx/unknown.md", article("Unknown language", "Whatever."));

        KnowledgeBase knowledgeBase = new KnowledgeBase(properties(), Optional.empty());

        assertThat(knowledgeBase.size()).isEqualTo(1);
        assertThat(knowledgeBase.problems()).extracting(ArticleProblem::file)
                .containsExactlyInAnyOrder("en/broken.md", "xx/unknown.md");
        assertThat(knowledgeBase.problems()).filteredOn(p -> p.file().equals("en/broken.md"))
                .singleElement().satisfies(p -> assertThat(p.line()).isEqualTo(2));
        assertThat(knowledgeBase.search("return an item", Optional.of(Language.EN), 5).hits())
                .extracting(Hit::id).containsExactly("returns");
    }

    @Test
    void anArticleThatTurnsBadKeepsItsLastGoodVersion() throws IOException {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        KnowledgeBase knowledgeBase = new KnowledgeBase(properties(), Optional.empty());

        write("en/returns.md", "---\ntitle: How do I return\nquestions: [oops\n---\nbody");
        knowledgeBase.reload();

        assertThat(knowledgeBase.problems()).hasSize(1);
        assertThat(knowledgeBase.article(Language.EN, new ArticleId("returns")))
                .hasValueSatisfying(a -> assertThat(a.body()).isEqualTo("Send it back within 14 days."));
    }

    @Test
    void editsOnDiskAreSearchableWithinTwoSeconds() throws IOException {
        write("en/returns.md", article("How do I return an item?", "Send it back within 14 days."));
        KnowledgeBase knowledgeBase = new KnowledgeBase(properties(), Optional.empty());
        var watcher = new KnowledgeWatcher(knowledgeBase, properties());
        watcher.start();
        try {
            write("en/warranty.md", article("What does the warranty cover?", "Twelve months on electronics."));
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() ->
                    knowledgeBase.search("warranty cover", Optional.of(Language.EN), 5).hits().stream()
                            .anyMatch(hit -> hit.id().equals("warranty")));

            Files.delete(dir.resolve("en/returns.md"));
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> knowledgeBase.size() == 1);
        } finally {
            watcher.stop();
        }
    }

    @Test
    void aMessageAsLongAsTheChatAllowsIsRankedByItsStart() throws IOException {
        write("ar/refund.md", article("متى يصل المبلغ المسترد", "خلال خمسة أيام عمل."));
        KnowledgeBase knowledgeBase = new KnowledgeBase(properties(), Optional.empty());
        // 4,000 characters of distinct Arabic-looking words: far more n-gram clauses than Lucene allows by default.
        var message = new StringBuilder("متى يصل المبلغ المسترد؟");
        for (int i = 0; message.length() < 4_000; i++) {
            message.append(' ').append((char) ('\u0628' + i % 20)).append((char) ('\u0628' + i / 20 % 20))
                    .append((char) ('\u0628' + i / 400 % 20)).append("ات");
        }

        assertThat(knowledgeBase.search(message.toString(), Optional.of(Language.AR), 3).hits())
                .first().extracting(Hit::id).isEqualTo("refund");
    }

    private KnowledgeProperties properties() {
        return new ArticleFolder(dir).properties(true, null, false);
    }

    private void write(String file, String content) throws IOException {
        new ArticleFolder(dir).write(file, content);
    }
}
