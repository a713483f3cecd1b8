package io.newsmon.ingest.fetch;

import java.time.Duration;

/**
 * How {@link HttpFetcher} fetches.
 *
 * @param connectTimeout        how long to wait for a TCP (and TLS) connection; default 10 s
 * @param requestTimeout        how long one request may take, from sending it to the end of the body;
 *                              default 30 s
 * @param maxBodyBytes          the largest body accepted, in bytes, both as sent and once decompressed;
 *                              default 10 MiB
 * @param maxRedirects          how many redirects are followed for one fetch; default 5, 0 follows none
 * @param userAgent             the {@code User-Agent} header; default
 *                              {@code newsmon/0.1 (+https://github.com/newsmon/newsmon)}
 * @param allowPrivateAddresses whether loopback, private, link-local and unique-local addresses may be
 *                              fetched; default false (true for local use and tests)
 */
public record FetchSettings(Duration connectTimeout, Duration requestTimeout, long maxBodyBytes,
                            int maxRedirects, String userAgent, boolean allowPrivateAddresses) {
    /** The default {@code User-Agent}. */
    public static final String DEFAULT_USER_AGENT = "newsmon/0.1 (+https://github.com/newsmon/newsmon)";

    public FetchSettings {
        requirePositive(connectTimeout, "connectTimeout");
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
    }

    /** 10 s to connect, 30 s per request, 10 MiB bodies, 5 redirects, public addresses only. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(30), 10L * 1024 * 1024, 5,
                DEFAULT_USER_AGENT, false);
    }

    /** These settings with {@code allowPrivateAddresses} changed. */
    public FetchSettings withAllowPrivateAddresses(boolean allow) {
        return new FetchSettings(connectTimeout, requestTimeout, maxBodyBytes, maxRedirects, userAgent, allow);
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("fetch " + name + " " + value + " must be a positive duration");
        }
    }
}
