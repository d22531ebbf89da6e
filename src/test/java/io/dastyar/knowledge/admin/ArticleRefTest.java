package io.dastyar.knowledge.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.web.server.ResponseStatusException;

/** Which addresses and files name an article the editor can open; the rest are pages that do not exist. */
class ArticleRefTest {

    @Test
    void aFileInALanguageFolderWithAValidIdOpensInTheEditor() {
        assertThat(ArticleRef.ofFile("fa/track-order.md")).hasValueSatisfying(ref -> {
            assertThat(ref.key()).isEqualTo("fa/track-order");
            assertThat(ref.file()).isEqualTo("fa/track-order.md");
        });
        assertThat(ArticleRef.ofFile("xx/track-order.md")).isEmpty();
        assertThat(ArticleRef.ofFile("en/Track Order.md")).isEmpty();
        assertThat(ArticleRef.ofFile("en/notes.txt")).isEmpty();
    }

    @Test
    void anAddressThatNamesNoArticleIsNotFound() {
        assertThat(ArticleRef.of("en", "returns").key()).isEqualTo("en/returns");
        assertThatThrownBy(() -> ArticleRef.of("EN", "returns")).isInstanceOf(ResponseStatusException.class);
        assertThatThrownBy(() -> ArticleRef.of("en", "../secrets")).isInstanceOf(ResponseStatusException.class);
    }
}
