package io.dastyar.knowledge.article;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import io.dastyar.system.Language;

/**
 * Reads one article file: YAML front matter between {@code ---} lines, then the Markdown answer. Every
 * problem names the line it is on, counting from 1 in the file.
 */
public final class ArticleParser {

    public static final class InvalidArticleException extends Exception {
        private final int line;

        InvalidArticleException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    private static final String FENCE = "---";

    public Article parse(ArticleId id, Language language, String content) throws InvalidArticleException {
        List<String> lines = content.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || !lines.getFirst().strip().equals(FENCE)) {
            throw new InvalidArticleException(1, "the file must start with a '---' line opening the front matter");
        }
        int closing = -1;
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(FENCE)) {
                closing = i;
                break;
            }
        }
        if (closing < 0) {
            throw new InvalidArticleException(1, "the front matter opened on line 1 is never closed with '---'");
        }
        Map<?, ?> front = frontMatter(String.join("\n", lines.subList(1, closing)));
        String title = text(front.get("title"));
        if (title == null || title.isBlank()) {
            throw new InvalidArticleException(lineOf(lines, "title", closing), "'title' is missing or empty");
        }
        List<String> questions = strings(front.get("questions"), "questions", lineOf(lines, "questions", closing));
        List<String> tags = strings(front.get("tags"), "tags", lineOf(lines, "tags", closing));
        Object escalate = front.get("escalate");
        if (escalate != null && !(escalate instanceof Boolean)) {
            throw new InvalidArticleException(lineOf(lines, "escalate", closing), "'escalate' must be true or false");
        }
        String body = String.join("\n", lines.subList(closing + 1, lines.size())).strip();
        if (body.isEmpty()) {
            throw new InvalidArticleException(closing + 2, "the answer after the front matter is empty");
        }
        return new Article(id, language, title.strip(), questions, tags, Boolean.TRUE.equals(escalate), body);
    }

    private static Map<?, ?> frontMatter(String yaml) throws InvalidArticleException {
        try {
            Object parsed = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
            if (parsed instanceof Map<?, ?> map) {
                return map;
            }
            throw new InvalidArticleException(2, "the front matter must be a set of 'key: value' lines");
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            throw new InvalidArticleException(line, "bad front matter: " + e.getProblem());
        } catch (YAMLException e) {
            throw new InvalidArticleException(2, "bad front matter: " + e.getMessage());
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }

    private static List<String> strings(Object value, String key, int line) throws InvalidArticleException {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidArticleException(line, "'" + key + "' must be a list");
        }
        var strings = new ArrayList<String>();
        for (Object item : list) {
            if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
                throw new InvalidArticleException(line, "every entry of '" + key + "' must be plain text");
            }
            String text = String.valueOf(item).strip();
            if (!text.isEmpty()) {
                strings.add(text);
            }
        }
        return strings;
    }

    /** The line a key is on, for messages about its value; the front matter's first line if not found. */
    private static int lineOf(List<String> lines, String key, int closing) {
        for (int i = 1; i < closing; i++) {
            if (lines.get(i).startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 1;
    }
}
