package io.newsmon.ingest.politeness;

import io.newsmon.model.url.HttpUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of an http(s) URL that politeness is keyed by.
 *
 * @param host   the host name, lower case, without the port: what {@link HostThrottle} counts requests by
 * @param origin scheme, host and port other than the scheme's default, for example
 *               {@code https://example.org} or {@code http://127.0.0.1:8080}: what one {@code robots.txt}
 *               covers
 * @param path   the raw path and query, {@code /} when the path is empty
 */
record Target(String host, String origin, String path) {

    /** The target of {@code url}, or empty when it is not an absolute http(s) URL with a host. */
    static Optional<Target> of(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            return Optional.empty();
        }
        if (!HttpUrls.isHttp(uri)) {
            return Optional.empty();
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || port == (scheme.equals("http") ? 80 : 443);
        String origin = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return Optional.of(new Target(host, origin, uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery()));
    }

    /** Host and port as in {@link #origin()}, for messages: {@code example.org}, {@code 127.0.0.1:8080}. */
    String authority() {
        return origin.substring(origin.indexOf("://") + 3);
    }

    /** Where this origin's {@code robots.txt} is. */
    String robotsUrl() {
        return origin + "/robots.txt";
    }
}
