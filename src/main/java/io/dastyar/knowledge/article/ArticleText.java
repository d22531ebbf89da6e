package io.dastyar.knowledge.article;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Writes an article as the file {@link ArticleParser} reads: YAML front matter between '---' lines, then the body. */
public final class ArticleText {

    private ArticleText() {
    }

    public static String of(String title, List<String> questions, List<String> tags, boolean escalate, String body) {
        Map<String, Object> front = new LinkedHashMap<>();
        front.put("title", title);
        if (!questions.isEmpty()) {
            front.put("questions", questions);
        }
        if (!tags.isEmpty()) {
            front.put("tags", tags);
        }
        if (escalate) {
            front.put("escalate", true);
        }
        return "---\n" + yaml().dump(front) + "---\n" + body + "\n";
    }

    /** Block style, as people write these files by hand. A Yaml instance is not thread-safe: one per call. */
    private static Yaml yaml() {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setSplitLines(false);
        return new Yaml(options);
    }
}
