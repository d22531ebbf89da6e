package io.dastyar.knowledge.search;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Each article's term weights learned by multinomial logistic regression: every article is a class, and its
 * questions' TF-IDF vectors are the examples. A centroid weighs a term by how often the article's questions use
 * it; these weights also count against a term that other articles use as much, so the terms that tell
 * neighbouring articles apart decide. With word pairs and 3-grams as terms, blending this score with BM25
 * instead of the centroid cosine took MASSIVE fa-IR (kb10) from 58.7% to 62.4% top-1 and ArBanking77 from 66.1%
 * to 67.3% (see docs/retrieval-experiments.md).
 *
 * <p>An article keeps weights only for the terms of its own questions, as its centroid does, which bounds the
 * memory to the centroids' and lets one question's gradient reach only the postings of its terms. Training is
 * deterministic: stochastic gradient descent in a fixed order, started from the centroids.
 */
final class LearnedWeights {

    /** Chosen on the evaluation's validation splits: 5 epochs at this rate matched 10 at half of it. */
    private static final double LEARNING_RATE = 2;
    private static final double REGULARISATION = 1e-4;
    /** How many examples pass between checks whether the training is still wanted. */
    private static final int CHECK_EVERY = 256;

    /** One question: its term numbers, their weights as a unit vector, and its article's number. */
    record Example(int[] terms, double[] weights, int article) {
    }

    private final TermPostings[] postings;
    /** The mean score of a training question for its own article, which scales scores to about 0-1. */
    private final double ownScore;

    private LearnedWeights(TermPostings[] postings, double ownScore) {
        this.postings = postings;
        this.ownScore = ownScore;
    }

    /**
     * Trains from the centroids over these examples, which should interleave the articles.
     *
     * @throws CancellationException as soon as {@code cancelled} says the result is no longer wanted
     */
    static LearnedWeights train(TermPostings[] centroids, int articles, List<Example> examples, int epochs,
                                BooleanSupplier cancelled) {
        var weights = new TermPostings[centroids.length];
        for (int term = 0; term < centroids.length; term++) {
            weights[term] = centroids[term] == null ? null : centroids[term].copy();
        }
        var epoch = new Epoch(weights, articles);
        for (int round = 0; round < epochs; round++) {
            for (int i = 0; i < examples.size(); i++) {
                if (i % CHECK_EVERY == 0 && cancelled.getAsBoolean()) {
                    throw new CancellationException("superseded");
                }
                epoch.learn(examples.get(i));
            }
        }
        epoch.settle();
        double own = 0;
        for (Example example : examples) {
            for (int i = 0; i < example.terms().length; i++) {
                TermPostings list = weights[example.terms()[i]];
                for (int j = 0; list != null && j < list.size; j++) {
                    own += list.articles[j] == example.article() ? example.weights()[i] * list.weights[j] : 0;
                }
            }
        }
        return new LearnedWeights(weights, examples.isEmpty() ? 1 : own / examples.size());
    }

    /** The score (about 0-1) of every article for a query's terms and weights, by article number. */
    double[] scores(int[] terms, double[] queryWeights, int articles) {
        double[] dot = TermPostings.dot(postings, terms, queryWeights, articles);
        for (int article = 0; article < dot.length; article++) {
            dot[article] = Math.min(1.0, dot[article] / ownScore);
        }
        return dot;
    }

    /**
     * The state of stochastic gradient descent. Regularisation shrinks every weight a little at each step; rather
     * than touching them all, one common factor shrinks, and the weights are stored divided by it.
     */
    private static final class Epoch {
        private final TermPostings[] weights;
        private final int articles;
        private final double[] scores;
        private final boolean[] seen;
        private final int[] touched;
        private double scale = 1;

        Epoch(TermPostings[] weights, int articles) {
            this.weights = weights;
            this.articles = articles;
            this.scores = new double[articles];
            this.seen = new boolean[articles];
            this.touched = new int[articles];
        }

        void learn(Example example) {
            int[] terms = example.terms();
            double[] x = example.weights();
            int count = 0;
            for (int i = 0; i < terms.length; i++) {
                TermPostings list = weights[terms[i]];
                double xi = x[i] * scale;
                for (int j = 0; list != null && j < list.size; j++) {
                    int article = list.articles[j];
                    if (!seen[article]) {
                        seen[article] = true;
                        touched[count++] = article;
                    }
                    scores[article] += xi * list.weights[j];
                }
            }
            // The softmax over every article; those sharing no term with the question score 0 and have no
            // weights to update, so they count only in the normaliser.
            double max = count < articles ? 0 : Double.NEGATIVE_INFINITY;
            for (int c = 0; c < count; c++) {
                max = Math.max(max, scores[touched[c]]);
            }
            double sum = (articles - count) * Math.exp(-max);
            for (int c = 0; c < count; c++) {
                int article = touched[c];
                scores[article] = Math.exp(scores[article] - max);
                sum += scores[article];
            }
            for (int c = 0; c < count; c++) {
                scores[touched[c]] /= sum;
            }
            scores[example.article()] -= 1; // the gradient: predicted minus wanted
            scale *= 1 - LEARNING_RATE * REGULARISATION;
            for (int i = 0; i < terms.length; i++) {
                TermPostings list = weights[terms[i]];
                double step = LEARNING_RATE * x[i] / scale;
                for (int j = 0; list != null && j < list.size; j++) {
                    list.weights[j] -= (float) (step * scores[list.articles[j]]);
                }
            }
            for (int c = 0; c < count; c++) {
                scores[touched[c]] = 0;
                seen[touched[c]] = false;
            }
            scores[example.article()] = 0;
            if (scale < 1e-3) {
                settle();
            }
        }

        /** Applies the common factor to every weight, before floats lose precision or training ends. */
        void settle() {
            for (TermPostings list : weights) {
                for (int j = 0; list != null && j < list.size; j++) {
                    list.weights[j] *= (float) scale;
                }
            }
            scale = 1;
        }
    }
}
