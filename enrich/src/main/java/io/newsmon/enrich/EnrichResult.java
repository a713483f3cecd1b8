package io.newsmon.enrich;

import io.newsmon.enrich.dedup.Fingerprint;
import io.newsmon.model.EnrichedArticle;

/**
 * What {@link Enricher#enrich} made of a raw page; the caller branches on it:
 * <pre>{@code
 * switch (enricher.enrich(page)) {
 *     case EnrichResult.Fresh fresh -> publish(fresh.article());
 *     case EnrichResult.Duplicate duplicate -> publishDuplicate(duplicate.article());
 *     case EnrichResult.AlreadySeen seen -> { }
 *     case EnrichResult.Rejected rejected -> deadLetter(rejected.reason());
 * }
 * }</pre>
 */
public sealed interface EnrichResult {
    /** The id of the page this result is about. */
    String id();

    /**
     * A new article, now remembered as an original.
     *
     * @param article     the enriched article; {@code duplicateOf} is null
     * @param fingerprint its text's fingerprint, to share with other enrich instances; null for an empty text
     */
    record Fresh(EnrichedArticle article, Fingerprint fingerprint) implements EnrichResult {
        public Fresh {
            if (article == null || article.duplicateOf() != null) {
                throw new IllegalArgumentException("a fresh result needs an article that duplicates nothing");
            }
        }

        @Override
        public String id() {
            return article.id();
        }
    }

    /**
     * An article whose text (the same, or nearly) another article had first.
     *
     * @param article the enriched article, with {@code duplicateOf} set to the original's id and its
     *                {@code similarity}
     */
    record Duplicate(EnrichedArticle article) implements EnrichResult {
        public Duplicate {
            if (article == null || article.duplicateOf() == null) {
                throw new IllegalArgumentException("a duplicate result needs an article with duplicateOf set");
            }
        }

        @Override
        public String id() {
            return article.id();
        }
    }

    /**
     * A page whose article id is already remembered as an original (a redelivery, or an AMP or mobile copy
     * whose canonical URL is the article's): nothing to publish.
     *
     * @param id the page's id
     */
    record AlreadySeen(String id) implements EnrichResult {
    }

    /**
     * A page that cannot be enriched.
     *
     * @param id     the page's id
     * @param reason what is wrong, naming the URL, the value and the rule
     */
    record Rejected(String id, String reason) implements EnrichResult, Analysis {
    }
}
