package io.newsmon.enrich;

import io.newsmon.enrich.dedup.Fingerprint;
import io.newsmon.model.EnrichedArticle;

/**
 * What {@link Enricher#analyse} made of a raw page before the duplicate memory is asked: the page's
 * article, or why the page cannot be enriched ({@link EnrichResult.Rejected}).
 */
public sealed interface Analysis permits Analysis.Article, EnrichResult.Rejected {
    /**
     * The article a page makes.
     *
     * @param article     the enriched article; {@code duplicateOf} is null
     * @param fingerprint its text's fingerprint, from the same normalisation of the text as its content hash
     */
    record Article(EnrichedArticle article, Fingerprint fingerprint) implements Analysis {
    }
}
