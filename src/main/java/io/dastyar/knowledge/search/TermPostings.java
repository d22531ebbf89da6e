package io.dastyar.knowledge.search;

import java.util.Arrays;

/**
 * The articles that weigh one term, with its weight in each, in the order they were added; arrays, because a
 * knowledge base has millions of them.
 */
final class TermPostings {

    int[] articles = new int[2];
    float[] weights = new float[2];
    int size;

    void add(int article, float weight) {
        if (size == articles.length) {
            articles = Arrays.copyOf(articles, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        articles[size] = article;
        weights[size] = weight;
        size++;
    }

    TermPostings copy() {
        var copy = new TermPostings();
        copy.articles = Arrays.copyOf(articles, size);
        copy.weights = Arrays.copyOf(weights, size);
        copy.size = size;
        return copy;
    }

    /** The dot product of the weights with every article's, through the postings of the terms alone. */
    static double[] dot(TermPostings[] table, int[] terms, double[] weights, int articles) {
        double[] dot = new double[articles];
        for (int i = 0; i < terms.length; i++) {
            TermPostings list = table[terms[i]];
            for (int j = 0; list != null && j < list.size; j++) {
                dot[list.articles[j]] += weights[i] * list.weights[j];
            }
        }
        return dot;
    }
}
