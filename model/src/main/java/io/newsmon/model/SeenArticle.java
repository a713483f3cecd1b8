package io.newsmon.model;

import java.time.Instant;

/**
 * An article ingest has published (or given up on): the value of {@code news.ingest.seen}, keyed by
 * {@link #id()}. Ingest reads the topic at start-up, so a restart does not publish it again.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param id            the article id
 * @param url           the normal URL ({@link io.newsmon.model.url.UrlNormalizer})
 * @param seenAt        when it was recorded
 */
public record SeenArticle(int schemaVersion, String id, String url, Instant seenAt) {
    /** The version of this message's shape. */
    public static final int SCHEMA_VERSION = 1;

    public SeenArticle {
        Checks.require(id, "seen article id");
    }
}
