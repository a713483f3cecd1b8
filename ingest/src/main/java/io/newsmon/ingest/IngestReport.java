package io.newsmon.ingest;

import java.util.List;

/**
 * What one {@link Ingester#pollOnce} did.
 *
 * @param feeds        the feeds polled
 * @param feedsFailed  the feeds that gave no entries (fetch failed, not a feed, no links on a listing)
 * @param entries      the entries found in all feeds, before skipping those already seen
 * @param pagesFetched the new article pages fetched and accepted by the sink
 * @param pagesFailed  the new article pages that could not be fetched or that the sink refused; they
 *                     are not marked seen, so the next poll tries them again
 * @param errors       one line per failure naming the feed or page URL and the reason, for example
 *                     {@code feed https://example.org/rss.xml: HTTP status 404 from https://example.org/rss.xml}
 */
public record IngestReport(int feeds, int feedsFailed, int entries, int pagesFetched, int pagesFailed,
                           List<String> errors) {
    public IngestReport {
        errors = List.copyOf(errors);
    }
}
