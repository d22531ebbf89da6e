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
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.article.ArticleId;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The retrieval evaluation: builds a knowledge base from an intent dataset (one article per intent, its
 * title the intent's name made readable, its questions {@value #QUESTIONS_PER_ARTICLE} training utterances
 * drawn with a fixed seed), asks every validation utterance, and reports top-1 accuracy, MRR@10 and
 * out-of-scope recall at the threshold that costs at most 5 points of in-scope accuracy. Datasets without
 * out-of-scope queries of their own are asked again with every fifth intent held out of the knowledge base, its
 * utterances standing in for out-of-scope questions, which calibrates their language's threshold.
 *
 * <p>{@code ./mvnw -Pevaluate verify [-Ddataset=clinc150|massive-en|massive-fa|arbanking77|all]}
 */
public final class RetrievalEvaluation {

    static final int QUESTIONS_PER_ARTICLE = 10;
    static final long SEED = 42;
    static final double ALLOWED_ACCURACY_LOSS = 0.05;
    static final int HELD_OUT_EVERY = 5;

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

    record Report(String dataset, int articles, int queries, double top1, double mrr10, Double oosRecall,
                  Double threshold, double inScopeAtThreshold, double p50Millis, double p99Millis) {
    }

    public static void main(String[] args) throws IOException {
        Path datasets = Path.of(System.getProperty("datasets", "../shared/datasets"));
        String which = args.length > 0 ? args[0] : "all";
        List<String> names = which.equals("all") ? List.of("clinc150", "massive-en", "massive-fa", "arbanking77")
                : List.of(which);
        var reports = new ArrayList<Report>();
        KnowledgeProperties properties = KnowledgeSettings.bind(Map.of("semantic.cache", "target/embeddings"));
        Optional<SentenceEmbedder> embedder = SentenceEmbedder.configured(properties.semantic());
        for (String name : names) {
            Dataset dataset = load(datasets, name);
            reports.add(evaluate(dataset, properties, embedder));
            System.out.println(format(reports.getLast()));
            if (dataset.outOfScope().isEmpty()) {
                // Calibrates the language's threshold where the dataset has no out-of-scope queries of its own.
                reports.add(evaluate(dataset.holdingOut(HELD_OUT_EVERY), properties, embedder));
                System.out.println(format(reports.getLast()));
            }
        }
        System.out.println();
        System.out.println("| dataset | articles | queries | top-1 | MRR@10 | OOS recall | threshold | in-scope top-1 at threshold | p50 ms | p99 ms |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        reports.forEach(report -> System.out.println(format(report)));
    }

    static Report evaluate(Dataset dataset, KnowledgeProperties properties, Optional<SentenceEmbedder> embedder) {
        List<Article> articles = articles(dataset);
        var index = ArticleIndex.inMemory(articles, properties, embedder);
        Optional<Language> language = Optional.of(dataset.language());

        int correct = 0;
        double reciprocalRanks = 0;
        double[] correctScores = new double[dataset.validation().size()];
        var latencies = new ArrayList<Long>();
        for (int i = 0; i < dataset.validation().size(); i++) {
            Example query = dataset.validation().get(i);
            long start = System.nanoTime();
            SearchResult result = index.search(query.text(), language, 10);
            latencies.add(System.nanoTime() - start);
            String expected = articleId(query.intent());
            for (int rank = 0; rank < result.hits().size(); rank++) {
                if (result.hits().get(rank).id().equals(expected)) {
                    reciprocalRanks += 1.0 / (rank + 1);
                    break;
                }
            }
            boolean hit = !result.hits().isEmpty() && result.hits().getFirst().id().equals(expected);
            correct += hit ? 1 : 0;
            // A correct answer only counts at a threshold if its confidence clears it.
            correctScores[i] = hit ? result.hits().getFirst().score() : -1;
        }
        int queries = dataset.validation().size();
        double top1 = (double) correct / queries;

        Double threshold = null;
        Double oosRecall = null;
        double inScopeAtThreshold = top1;
        if (!dataset.outOfScope().isEmpty()) {
            double[] oosScores = dataset.outOfScope().stream().mapToDouble(text -> {
                SearchResult result = index.search(text, language, 1);
                return result.hits().isEmpty() ? 0 : result.hits().getFirst().score();
            }).toArray();
            // The highest threshold that keeps in-scope accuracy within the allowed loss.
            double[] candidates = Arrays.stream(correctScores).filter(s -> s >= 0).sorted().toArray();
            double best = 0;
            for (double candidate : candidates) {
                long kept = Arrays.stream(correctScores).filter(s -> s >= candidate).count();
                if ((double) kept / queries >= top1 - ALLOWED_ACCURACY_LOSS) {
                    best = candidate;
                } else {
                    break;
                }
            }
            double chosen = best;
            threshold = chosen;
            oosRecall = (double) Arrays.stream(oosScores).filter(s -> s < chosen).count() / oosScores.length;
            inScopeAtThreshold = (double) Arrays.stream(correctScores).filter(s -> s >= chosen).count() / queries;
        }
        Collections.sort(latencies);
        return new Report(dataset.name(), articles.size(), queries, top1, reciprocalRanks / queries, oosRecall, threshold,
                inScopeAtThreshold, millis(latencies, 0.50), millis(latencies, 0.99));
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

    private static double millis(List<Long> sortedNanos, double quantile) {
        int index = Math.min(sortedNanos.size() - 1, (int) Math.ceil(quantile * sortedNanos.size()) - 1);
        return sortedNanos.get(Math.max(index, 0)) / 1e6;
    }

    private static String format(Report r) {
        return String.format(Locale.ROOT, "| %s | %d | %d | %.1f%% | %.3f | %s | %s | %s | %.2f | %.2f |", r.dataset(),
                r.articles(), r.queries(), 100 * r.top1(), r.mrr10(),
                r.oosRecall() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * r.oosRecall()),
                r.threshold() == null ? "–" : String.format(Locale.ROOT, "%.3f", r.threshold()),
                r.oosRecall() == null ? "–" : String.format(Locale.ROOT, "%.1f%%", 100 * r.inScopeAtThreshold()),
                r.p50Millis(), r.p99Millis());
    }
}
