package io.dastyar.knowledge.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.system.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The intent datasets in {@code ../shared/datasets} (CLINC150, MASSIVE en-US and fa-IR, ArBanking77), and the
 * knowledge base made of one: one article per intent, its title the intent's name made readable, its questions
 * {@value #QUESTIONS_PER_ARTICLE} training utterances drawn with a fixed seed. Tests and the retrieval
 * evaluation share them.
 */
final class IntentDatasets {

    static final int QUESTIONS_PER_ARTICLE = 10;
    static final long SEED = 42;

    record Example(String text, String intent) {
    }

    record Dataset(String name, Language language, List<Example> train, List<Example> validation,
                   List<String> outOfScope, Function<String, String> readableTitle) {

        /**
         * For datasets without out-of-scope queries: every {@code every}-th intent (by name) leaves the knowledge
         * base, and its validation utterances become the out-of-scope queries. They are harder than real
         * off-topic traffic, since a held-out intent usually has a sibling left in (setting an alarm against
         * asking about one), so the threshold this calibrates errs on the side of saying "I don't know".
         */
        Dataset holdingOut(int every) {
            List<String> intents = train.stream().map(Example::intent).distinct().sorted().toList();
            var heldOut = new HashSet<String>();
            for (int i = every - 1; i < intents.size(); i += every) {
                heldOut.add(intents.get(i));
            }
            return new Dataset(name + ", every " + every + "th intent held out", language,
                    train.stream().filter(e -> !heldOut.contains(e.intent())).toList(),
                    validation.stream().filter(e -> !heldOut.contains(e.intent())).toList(),
                    validation.stream().filter(e -> heldOut.contains(e.intent())).map(Example::text).toList(),
                    readableTitle);
        }
    }

    private IntentDatasets() {
    }

    static List<Article> articles(Dataset dataset) {
        Map<String, List<String>> byIntent = dataset.train().stream().collect(Collectors.groupingBy(Example::intent,
                LinkedHashMap::new, Collectors.mapping(Example::text, Collectors.toList())));
        var random = new Random(SEED);
        var articles = new ArrayList<Article>();
        byIntent.forEach((intent, utterances) -> {
            var shuffled = new ArrayList<>(utterances);
            Collections.shuffle(shuffled, random);
            List<String> questions = shuffled.subList(0, Math.min(QUESTIONS_PER_ARTICLE, shuffled.size()));
            articles.add(new Article(new ArticleId(articleId(intent)), dataset.language(),
                    dataset.readableTitle().apply(intent), questions, List.of(), false, ""));
        });
        return articles;
    }

    static String articleId(String intent) {
        return Integer.toHexString(intent.hashCode()) + "-" + intent.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
    }

    static Dataset load(Path root, String name) throws IOException {
        return switch (name) {
            case "clinc150" -> clinc(root.resolve("clinc150/train_val.json"));
            case "massive-en" -> massive(root, "en", Language.EN);
            case "massive-fa" -> massive(root, "fa", Language.FA);
            case "arbanking77" -> arbanking(root.resolve("arbanking77"));
            default -> throw new IllegalArgumentException("Unknown dataset " + name
                    + ": use clinc150, massive-en, massive-fa, arbanking77 or all");
        };
    }

    private static Dataset clinc(Path file) throws IOException {
        JsonNode root = JsonMapper.builder().build().readTree(Files.readString(file));
        Function<String, List<Example>> examples = key -> {
            var list = new ArrayList<Example>();
            root.get(key).forEach(item -> list.add(new Example(item.get(0).asString(), item.get(1).asString())));
            return list;
        };
        List<String> outOfScope = examples.apply("oos_val").stream().map(Example::text).toList();
        return new Dataset("CLINC150", Language.EN, examples.apply("train"), examples.apply("val"), outOfScope,
                intent -> intent.replace('_', ' '));
    }

    private static Dataset massive(Path root, String prefix, Language language) throws IOException {
        return new Dataset("MASSIVE " + (language == Language.EN ? "en-US" : "fa-IR"), language,
                massiveFile(root.resolve("massive-fa-en/" + prefix + "_train")),
                massiveFile(root.resolve("massive-fa-en/" + prefix + "_valid")), List.of(),
                intent -> intent.replace('_', ' '));
    }

    /** Lines of {@code token:SLOT token:SLOT … <=> intent}; the text is the tokens without their slots. */
    private static List<Example> massiveFile(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> line.contains("<=>"))
                .map(line -> {
                    String[] parts = line.split("<=>");
                    String text = Arrays.stream(parts[0].trim().split("\\s+"))
                            .map(token -> token.contains(":") ? token.substring(0, token.lastIndexOf(':')) : token)
                            .collect(Collectors.joining(" "));
                    return new Example(text, parts[1].trim());
                }).toList();
    }

    private static Dataset arbanking(Path dir) throws IOException {
        Map<String, String> englishOf = new LinkedHashMap<>();
        for (String[] row : pairs(dir.resolve("intents.csv"))) {
            englishOf.put(row[1], row[0]);
        }
        Map<String, String> arabicOf = new LinkedHashMap<>();
        englishOf.forEach((arabic, english) -> arabicOf.put(english, arabic));
        Function<String, List<Example>> examples = file -> pairs(dir.resolve(file)).stream()
                .map(row -> new Example(row[1], englishOf.getOrDefault(row[0], row[0]))).toList();
        return new Dataset("ArBanking77", Language.AR, examples.apply("MSA_PAL_train.csv"),
                examples.apply("MSA_PAL_val.csv"), List.of(), intent -> arabicOf.getOrDefault(intent, intent));
    }

    /**
     * Rows of {@code "first","second"} after a header line. Read by hand because some texts hold unescaped
     * quotes that strict CSV parsers reject; every row is one line.
     */
    private static List<String[]> pairs(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(line -> line.contains("\",\""))
                    .map(line -> {
                        String row = line.strip();
                        int split = row.indexOf("\",\"");
                        return new String[] {unquote(row.substring(0, split + 1)), unquote(row.substring(split + 2))};
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String unquote(String field) {
        String text = field.strip();
        if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.replace("\"\"", "\"");
    }
}
