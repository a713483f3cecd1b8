package io.newsmon.model.url;

import java.net.URI;
import java.util.Locale;

/**
 * Whether a URL is an http(s) URL, the only kind newsmon fetches and normalises. The scheme is compared
 * ignoring case, as RFC 3986 says: {@code HTTPS://example.org/} is one.
 *
 * <p>Example: {@code HttpUrls.isHttp(URI.create("https://example.org/rss"))} is true;
 * {@code HttpUrls.startsWithHttp("mailto:desk@example.org")} is false.
 */
public final class HttpUrls {
    private HttpUrls() {
    }

    /** Whether {@code scheme} is {@code http} or {@code https}, in any case; false for null. */
    public static boolean isHttpScheme(String scheme) {
        // Not equalsIgnoreCase, which folds Unicode: "httpſ" (long s) would be https.
        String lower = scheme == null ? "" : scheme.toLowerCase(Locale.ROOT);
        return lower.equals("http") || lower.equals("https");
    }

    /** Whether {@code uri} has an http(s) scheme and a host, so that an HTTP client can fetch it. */
    public static boolean isHttp(URI uri) {
        return isHttpScheme(uri.getScheme()) && uri.getHost() != null;
    }

    /**
     * Whether {@code text} starts with {@code http://} or {@code https://}, in any case: an absolute http(s)
     * URL as written, told before (or without) parsing it, since a link as found may hold characters that
     * {@link URI} refuses. False for null.
     */
    public static boolean startsWithHttp(String text) {
        String head = text == null ? "" : text.substring(0, Math.min(text.length(), 8)).toLowerCase(Locale.ROOT);
        return head.startsWith("http://") || head.startsWith("https://");
    }
}
