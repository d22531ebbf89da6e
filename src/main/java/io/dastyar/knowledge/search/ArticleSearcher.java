package io.dastyar.knowledge.search;

import java.io.IOException;
import java.util.Map;

import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.similarities.Similarity;

/**
 * A searcher over one point-in-time view of a language's index, with each document's article and each
 * article's title at hand: hits need both, and reading them per hit would cost more than the search.
 */
final class ArticleSearcher extends IndexSearcher {

    private final String[] articleOfDoc;
    private final Map<String, String> titles;

    private ArticleSearcher(IndexReader reader, Similarity similarity) throws IOException {
        super(reader);
        setSimilarity(similarity);
        this.articleOfDoc = ArticleDocuments.articleOfEachDoc(reader);
        this.titles = ArticleDocuments.titles(reader);
    }

    /** Makes an {@code ArticleSearcher} for every view a {@code SearcherManager} opens. */
    static SearcherFactory factory(Similarity similarity) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                return new ArticleSearcher(reader, similarity);
            }
        };
    }

    String articleOf(int doc) {
        return articleOfDoc[doc];
    }

    String titleOf(String article) {
        return titles.get(article);
    }
}
