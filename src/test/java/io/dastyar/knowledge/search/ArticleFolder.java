package io.dastyar.knowledge.search;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.KnowledgeSettings;

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

    /**
     * The defaults, with this folder, its index in {@code index} (null: in memory), ranking by meaning on or
     * off, and the threshold as configured (not learned from feedback).
     */
    KnowledgeProperties properties(boolean watch, Path index, boolean byMeaning) {
        return KnowledgeSettings.bind(Map.of("dir", dir.toString(), "watch", watch,
                "index-dir", index == null ? "" : index.toString(), "learn-threshold", false,
                "semantic.enabled", byMeaning));
    }
}
