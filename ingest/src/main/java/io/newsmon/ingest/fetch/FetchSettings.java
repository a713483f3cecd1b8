package io.newsmon.ingest.fetch;

import io.newsmon.model.url.HttpUrls;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * How {@link HttpFetcher} fetches.
 *
 * <p>Example: {@code FetchSettings.defaults().withUserAgent(FetchSettings.userAgentFor("mailto:ops@example.org"))}
 *
 * @param connectTimeout        how long to wait for a TCP (and TLS) connection; default 10 s
 * @param readTimeout           the longest the server may stay silent: from sending the request
 *                              (connecting included) to the response headers, and between two chunks of
 *                              the body; default 15 s
 * @param requestTimeout        the total one fetch may take, from sending the first request to the last
 *                              byte of the last body, redirects included; default 30 s
 * @param maxBodyBytes          the largest body accepted, in bytes, both as sent and once decompressed;
 *                              default 10 MiB
 * @param maxRedirects          how many redirects are followed for one fetch; default 5, 0 follows none
 * @param userAgent             the {@code User-Agent} header; default {@value #DEFAULT_USER_AGENT}
 * @param allowPrivateAddresses whether loopback, private, link-local and other non-public addresses may be
 *                              fetched; default false (true for local use and tests)
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, Duration requestTimeout,
                            long maxBodyBytes, int maxRedirects, String userAgent,
                            boolean allowPrivateAddresses) {
    /** The contact URL of the default {@code User-Agent}: {@value}. */
    public static final String DEFAULT_CONTACT = "https://github.com/newsmon/newsmon";
    /** The default {@code User-Agent}, {@code userAgentFor(DEFAULT_CONTACT)}: {@value}. */
    public static final String DEFAULT_USER_AGENT = "newsmon/0.1 (+" + DEFAULT_CONTACT + ")";

    public FetchSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("fetch maxBodyBytes " + maxBodyBytes + " must be at least 1");
        }
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("fetch maxRedirects " + maxRedirects + " must be 0 or more");
        }
        if (userAgent == null || userAgent.isBlank()) {
            throw new IllegalArgumentException("fetch userAgent is missing: it must be a non-empty string");
        }
        if (userAgent.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("fetch userAgent \"" + userAgent.strip()
                    + "\" must not contain control characters such as line breaks");
        }
    }

    /** 10 s to connect, 15 s of silence, 30 s in all, 10 MiB bodies, 5 redirects, public addresses only. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(30),
                10L * 1024 * 1024, 5, DEFAULT_USER_AGENT, false);
    }

    /**
     * The {@code User-Agent} that names where a site operator can reach whoever runs newsmon, for example
     * {@code userAgentFor("https://example.org/bot")} is {@code newsmon/0.1 (+https://example.org/bot)}.
     *
     * @throws IllegalArgumentException unless {@code contactUrl} is an absolute http(s) URL or a
     *                                  {@code mailto:} address
     */
    public static String userAgentFor(String contactUrl) {
        if (!isContactUrl(contactUrl)) {
            throw new IllegalArgumentException("fetch contact URL \"" + contactUrl
                    + "\" must be an absolute http(s) URL or a mailto: address without parentheses, for example"
                    + " https://example.org/bot");
        }
        return "newsmon/0.1 (+" + contactUrl + ")";
    }

    /** These settings with {@code allowPrivateAddresses} changed. */
    public FetchSettings withAllowPrivateAddresses(boolean allow) {
        return new FetchSettings(connectTimeout, readTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                userAgent, allow);
    }

    /** These settings with another {@code User-Agent}, for example one from {@link #userAgentFor(String)}. */
    public FetchSettings withUserAgent(String agent) {
        return new FetchSettings(connectTimeout, readTimeout, requestTimeout, maxBodyBytes, maxRedirects,
                agent, allowPrivateAddresses);
    }

    private static boolean isContactUrl(String value) {
        if (value == null || value.contains("(") || value.contains(")")) {
            return false; // parentheses would end the User-Agent comment early
        }
        try {
            URI uri = new URI(value);
            return HttpUrls.isHttp(uri) || "mailto".equalsIgnoreCase(uri.getScheme())
                    && uri.getSchemeSpecificPart().contains("@");
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("fetch " + name + " " + value + " must be a positive duration");
        }
    }
}
