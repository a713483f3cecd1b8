package io.newsmon.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;

/**
 * A fetched article page: the value of {@code news.raw}, keyed by {@link #id()}.
 *
 * @param schemaVersion {@link #SCHEMA_VERSION} when written by this version
 * @param id            the article id, {@link ArticleId#of(String)} of the normal URL
 * @param url           the normal URL of the article ({@link io.newsmon.model.url.UrlNormalizer})
 * @param feedUrl       the URL of the feed or listing page the article was found in
 * @param source        the feed's name, as configured; {@code feedName} before version 3
 * @param entry         the feed entry's own fields
 * @param fetchedAt     when the page was fetched
 * @param httpStatus    the HTTP status of the page fetch
 * @param contentType   the response's media type, for example {@code text/html}
 * @param charset       the charset the page was decoded with, for example {@code UTF-8}
 * @param html          the page, decoded
 * @param discoveredAt  when ingest read the entry in its feed (the time of the poll that delivered the page),
 *                      from which pipeline freshness is measured; null in messages written before version 2
 */
public record RawPage(int schemaVersion, String id, String url, String feedUrl, @JsonAlias("feedName") String source,
                      FeedEntry entry, Instant fetchedAt, int httpStatus, String contentType,
                      String charset, String html, Instant discoveredAt) {
    /**
     * The version of this message's shape: 2 added {@code discoveredAt}, 3 renamed {@code feedName} to
     * {@code source} (the name {@link EnrichedArticle} and the database give it); a page of version 2 or
     * older still reads, its {@code feedName} as {@code source}.
     */
    public static final int SCHEMA_VERSION = 3;

    public RawPage {
        Checks.require(id, "raw page id");
        Checks.require(url, "raw page url");
        if (entry == null) {
            throw new IllegalArgumentException("raw page entry is missing for " + url);
        }
        if (fetchedAt == null) {
            throw new IllegalArgumentException("raw page fetchedAt is missing for " + url);
        }
        html = html == null ? "" : html;
    }

    /** A page without a discovery time, as written before version 2 (tests and replays). */
    public RawPage(int schemaVersion, String id, String url, String feedUrl, String source, FeedEntry entry,
                   Instant fetchedAt, int httpStatus, String contentType, String charset, String html) {
        this(schemaVersion, id, url, feedUrl, source, entry, fetchedAt, httpStatus, contentType, charset, html, null);
    }
}
