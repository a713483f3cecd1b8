package io.newsmon.ingest.fetch;

import io.newsmon.model.text.Printable;
import java.time.Duration;

/**
 * What {@link HttpFetcher#fetch(String, Validators)} got: a {@link Fetched} page, a
 * {@link NotModified} answer to a conditional GET, or the reason it {@link Failed}.
 */
public sealed interface FetchResult {
    /** The final URL of a {@link Fetched} page, the URL asked for otherwise. */
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
     * @param cache       the response's validators and freshness
     */
    record Fetched(String url, int status, String contentType, String charset, byte[] body, String text,
                   CacheHints cache) implements FetchResult {
        public Fetched {
            cache = cache == null ? CacheHints.NONE : cache;
        }

        /** A page without cache hints. */
        public Fetched(String url, int status, String contentType, String charset, byte[] body, String text) {
            this(url, status, contentType, charset, body, text, CacheHints.NONE);
        }
    }

    /**
     * A 304 answer to a conditional GET: the resource has not changed, and nothing was downloaded.
     *
     * @param url   the URL asked for
     * @param cache the response's validators and freshness (a 304 may refresh them); a validator the
     *              304 leaves out is the one that was sent
     */
    record NotModified(String url, CacheHints cache) implements FetchResult {
        public NotModified {
            cache = cache == null ? CacheHints.NONE : cache;
        }
    }

    /**
     * A fetch that gave no page.
     *
     * @param url        the URL asked for
     * @param kind       what went wrong, for metrics and callers that branch on it
     * @param reason     what happened, naming the host or status, for example
     *                   {@code HTTP status 404 from https://example.org/feed.xml}; kept safe to print
     *                   ({@link Printable#text}): passwords, tokens and keys of the URLs it names are
     *                   masked and control characters, from headers for example, escaped
     * @param status     the HTTP status of the last response, or 0 when none arrived (refused,
     *                   unreachable, timed out before the headers, disallowed by robots.txt); a 2xx
     *                   when the body then failed (too large, timed out, corrupt)
     * @param retryAfter what the server's {@code Retry-After} asked for on a status other than 2xx
     *                   (meant for 429 and 503), or null when absent or not understood
     */
    record Failed(String url, FailureKind kind, String reason, int status, Duration retryAfter) implements FetchResult {
        public Failed {
            if (kind == null) {
                throw new IllegalArgumentException("the failure kind of the fetch of " + Printable.url(url) + " is missing");
            }
            reason = Printable.text(reason);
        }

        /** A failure without an HTTP response. */
        public Failed(String url, FailureKind kind, String reason) {
            this(url, kind, reason, 0, null);
        }

        /**
         * A response with {@code status}, other than 2xx: of kind {@link FailureKind#ofStatus}.
         *
         * @param reason for example {@code HTTP status 404 from https://example.org/feed.xml}
         */
        public static Failed status(String url, String reason, int status, Duration retryAfter) {
            return new Failed(url, FailureKind.ofStatus(status, retryAfter), reason, status, retryAfter);
        }

        /**
         * Whether the server asked us to slow down: 429, or 503 with {@code Retry-After}. A host deferred
         * earlier is of kind {@link FailureKind#THROTTLED} too, but no server said so now.
         */
        public boolean throttled() {
            return status != 0 && FailureKind.ofStatus(status, retryAfter) == FailureKind.THROTTLED;
        }

        /** Whether trying again soon is pointless: 404 Not Found, 410 Gone and other client errors but 408 and 429. */
        public boolean permanent() {
            return status >= 400 && status < 500 && status != 408 && status != 429;
        }
    }
}
