package io.dastyar.knowledge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A knowledge-base folder written by a test, and the settings to serve it with. */
record ArticleFolder(Path dir) {

    void write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    /** An article whose one question is its title in lower case. */
    static String article(String title, String body) {
        return "---\ntitle: " + title + "\nquestions:\n  - " + title.toLowerCase() + "\n---\n" + body + "\n";
    }

    /** The defaults, with this folder, its index in {@code index} (null: in memory) and the given semantic side. */
    KnowledgeProperties properties(boolean watch, Path index, KnowledgeProperties.Semantic semantic) {
        var defaults = KnowledgeProperties.defaults();
        return new KnowledgeProperties(dir, watch, index == null ? "" : index.toString(), defaults.thresholds(), false, defaults.maxChoices(),
                defaults.choiceMargin(), defaults.k1(), defaults.b(), defaults.titleWeight(), defaults.questionsWeight(),
                defaults.bodyWeight(), defaults.ngramWeight(), defaults.phrasingWeight(), defaults.centroidWeight(), defaults.learningEpochs(), semantic);
    }
}
