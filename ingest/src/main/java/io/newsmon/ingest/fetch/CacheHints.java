package io.newsmon.ingest.fetch;

import java.time.Duration;

/**
 * What a response says about caching it: its validators for the next conditional GET, and how long it
 * stays fresh.
 *
 * @param etag         the {@code ETag} header, verbatim, or null
 * @param lastModified the {@code Last-Modified} header, verbatim, or null
 * @param freshFor     how long the response is fresh: {@code Cache-Control: max-age} (or
 *                     {@code s-maxage}), else {@code Expires} minus {@code Date} (or minus now); zero
 *                     for {@code no-cache}, {@code no-store} or an expiry in the past; null when the
 *                     response says nothing
 */
public record CacheHints(String etag, String lastModified, Duration freshFor) {
    /** A response without validators or freshness. */
    public static final CacheHints NONE = new CacheHints(null, null, null);

    /** The validators to send with the next request for the same URL. */
    public Validators validators() {
        return new Validators(etag, lastModified);
    }
}
