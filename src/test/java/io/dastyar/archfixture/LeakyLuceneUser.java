package io.dastyar.archfixture;

import org.apache.lucene.analysis.Analyzer;

/**
 * A deliberate violation for ModularityTest: a Lucene type outside the knowledge base's search and analysis
 * packages, and in a public signature too.
 */
public class LeakyLuceneUser {

    public Analyzer analyzer() {
        return null;
    }
}
