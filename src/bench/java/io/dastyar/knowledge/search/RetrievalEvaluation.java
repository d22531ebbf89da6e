package io.dastyar.knowledge.search;

import static io.dastyar.knowledge.search.IntentDatasets.articleId;
import static io.dastyar.knowledge.search.IntentDatasets.articles;
import static io.dastyar.knowledge.search.IntentDatasets.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.dastyar.knowledge.KnowledgeProperties;
import io.dastyar.knowledge.KnowledgeSettings;
import io.dastyar.knowledge.article.Article;
import io.dastyar.knowledge.search.IntentDatasets.Dataset;
import io.dastyar.knowledge.search.IntentDatasets.Example;
import io.dastyar.knowledge.semantic.SentenceEmbedder;
import io.dastyar.system.Language;

/**
 * The retrieval evaluation: builds a knowledge base from an intent dataset (one article per intent, its
 * title the intent's name made readable, its questions {@value IntentDatasets#QUESTIONS_PER_ARTICLE} training
 * utterances drawn with a fixed seed), asks every validation utterance, and reports top-1 accuracy, MRR@10 and
 * out-of-scope recall at the threshold that costs at most 5 points of in-scope accuracy. Datasets without
 * out-of-scope queries of their own are asked again with every fifth intent held out of the knowledge base, its
 * utterances standing in for out-of-scope questions, which calibrates their language's threshold.
 *
 * <p>{@code ./mvnw -Pevaluate verify [-Ddataset=clinc150|massive-en|massive-fa|arbanking77|all]}
 */
public final class RetrievalEvaluation {

    static final double ALLOWED_ACCURACY_LOSS = 0.05;
    static final int HELD_OUT_EVERY = 5;

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
