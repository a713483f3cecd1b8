package io.newsmon.ingest.url;

import io.newsmon.model.url.HttpUrls;
import io.newsmon.model.url.PercentEncoding;
import io.newsmon.model.url.UrlNormalizer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * Resolves a link as found in a feed (possibly relative, possibly with raw spaces or non-ASCII
 * characters) against the URL of the document it was found in.
 *
 * <p>For example {@code resolve("https://example.org/news/feed.xml", "../articles/a b.html")} gives
 * {@code https://example.org/articles/a%20b.html}. The result is absolute but not canonical: see
 * {@link UrlNormalizer}.
 */
public final class UrlResolver {
    private UrlResolver() {
    }

    /**
     * {@code link} resolved against {@code base}, or empty when either cannot be parsed or the result is
     * not an http(s) URL (for example a {@code mailto:} or {@code javascript:} link).
     */
    public static Optional<String> resolve(String base, String link) {
        if (base == null || link == null || link.isBlank()) {
            return Optional.empty();
        }
        try {
            URI baseUri = new URI(lenient(base));
            if (baseUri.getRawPath() == null || baseUri.getRawPath().isEmpty()) {
                baseUri = baseUri.resolve("/");
            }
            URI resolved = baseUri.resolve(new URI(lenient(link)));
            return isHttp(resolved) ? Optional.of(resolved.toString()) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** {@code url} with the characters that {@link URI} refuses encoded, keeping its structure. */
    private static String lenient(String url) {
        return PercentEncoding.normalize(url.strip(), "/?#[]");
    }

    /**
     * An authority, not a host as {@link HttpUrls#isHttp(URI)} asks: {@link URI} finds no host in names it
     * does not parse (non-ASCII, percent-encoded, with {@code _}), which {@link UrlNormalizer} accepts.
     */
    private static boolean isHttp(URI uri) {
        return HttpUrls.isHttpScheme(uri.getScheme()) && uri.getRawAuthority() != null;
    }
}
