package io.newsmon.ingest.fetch;

/**
 * What {@link HttpFetcher#fetch(String)} got: a {@link Fetched} page or the reason it {@link Failed}.
 */
public sealed interface FetchResult {
    /** The final URL of a {@link Fetched} page, the URL asked for of a {@link Failed} one. */
    String url();

    /**
     * A page fetched with a 2xx status.
     *
     * @param url         the final URL, after redirects
     * @param status      the HTTP status, 200 to 299
     * @param contentType the media type only, lower case, for example {@code text/html}; empty when the
     *                    response has no {@code Content-Type}
     * @param charset     the name of the charset the body was decoded with, for example {@code UTF-8}
     * @param body        the body, decompressed (not copied: do not modify)
     * @param text        the body decoded with {@code charset}, without a byte order mark
     */
    record Fetched(String url, int status, String contentType, String charset, byte[] body, String text)
            implements FetchResult {
    }

    /**
     * A fetch that gave no page.
     *
     * @param url    the URL asked for
     * @param reason what happened, naming the host or status, for example
     *               {@code HTTP status 404 from https://example.org/feed.xml}
     */
    record Failed(String url, String reason) implements FetchResult {
    }
}
