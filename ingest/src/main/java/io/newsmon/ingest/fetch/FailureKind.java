package io.newsmon.ingest.fetch;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a fetch gave no page, or why what it fetched could not be used: set where each failure is made, so
 * that metrics and callers never read it out of a reason's wording. {@link #tag()} is the name in lower
 * case, for example {@code http_status}, as the {@code kind} tag of ingest's error meters.
 *
 * <p>The first kinds are failed fetches ({@link FetchResult.Failed#kind()}); the last ones
 * ({@link #fetchFailure()} false) are documents that were fetched but were of no use.
 */
public enum FailureKind {
    /** A response other than 2xx, and not throttled: 404, 410, 500, a 304 to an unconditional request. */
    HTTP_STATUS(true),
    /**
     * The server asked us to slow down (429, or 503 with {@code Retry-After}), or an earlier answer of the
     * host's did and the request was not sent.
     */
    THROTTLED(true),
    /** No connection, no response or no complete body within the connect, read or request timeout. */
    TIMEOUT(true),
    /** The connection was refused or could not be made. */
    CONNECT(true),
    /** The host name does not resolve. */
    DNS(true),
    /** The TLS handshake or session failed: certificate, protocol. */
    TLS(true),
    /** The body, as sent or decompressed, is over {@link FetchSettings#maxBodyBytes()}. */
    TOO_LARGE(true),
    /** The body's {@code Content-Encoding} is unknown or the compressed body is corrupt. */
    DECODING(true),
    /** Too many redirects, a redirect loop, or a redirect without a usable {@code Location}. */
    REDIRECTS(true),
    /** The site's {@code robots.txt} disallows the URL; no request was sent. */
    ROBOTS(true),
    /** The host resolves to a loopback, private or other non-public address; no request was sent. */
    PRIVATE_ADDRESS(true),
    /** Not an absolute http(s) URL, or one the HTTP client cannot send. */
    INVALID_URL(true),
    /** The fetching thread was interrupted: ingest is stopping. */
    INTERRUPTED(true),
    /** Anything else, for example the connection closed in the middle of a response. */
    OTHER(true),
    /** A feed URL served something that is no feed or sitemap: HTML, OPML, malformed XML or JSON. */
    NOT_A_FEED(false),
    /** A parser failed unexpectedly on the document (a bug to report, with the document). */
    PARSE(false),
    /** A listing page on which the feed's {@code linkSelector} matched no http(s) link. */
    NO_LINKS(false),
    /** A sitemap index none of whose sitemaps could be read; a sitemap that failed to fetch counts on its own too. */
    SITEMAP(false),
    /** An article page that is not HTML, for example a PDF. */
    NOT_HTML(false);

    private final boolean fetchFailure;

    FailureKind(boolean fetchFailure) {
        this.fetchFailure = fetchFailure;
    }

    /** Whether the fetch itself failed, as opposed to what it fetched being of no use. */
    public boolean fetchFailure() {
        return fetchFailure;
    }

    /** The kind as a meter tag: the name in lower case, for example {@code private_address}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind of a response with a status other than 2xx: {@link #THROTTLED} for 429, and for 503 with a
     * {@code Retry-After}; {@link #HTTP_STATUS} otherwise.
     */
    public static FailureKind ofStatus(int status, Duration retryAfter) {
        return status == 429 || (status == 503 && retryAfter != null) ? THROTTLED : HTTP_STATUS;
    }
}
