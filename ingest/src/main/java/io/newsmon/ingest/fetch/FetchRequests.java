package io.newsmon.ingest.fetch;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * The GET requests {@link HttpFetcher} sends: its {@code User-Agent}, an {@code Accept} that prefers
 * pages and feeds, gzip, and the conditional headers of the {@link Validators} given. There is no
 * {@code HttpRequest.timeout}: {@link ExchangeTimer} keeps both time limits and cancels the exchange.
 */
final class FetchRequests {
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/rss+xml,"
            + "application/atom+xml,application/xml;q=0.9,*/*;q=0.8";

    private FetchRequests() {
    }

    /**
     * A GET for {@code uri}, conditional when {@code validators} are not empty.
     *
     * @throws IllegalArgumentException when a header value cannot be sent (a line break in an ETag, say)
     *                                  or {@code HttpRequest} does not accept the URI
     */
    static HttpRequest get(URI uri, String userAgent, Validators validators) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .header("User-Agent", userAgent)
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip")
                .GET();
        if (validators.etag() != null) {
            builder.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            builder.header("If-Modified-Since", validators.lastModified());
        }
        return builder.build();
    }
}
