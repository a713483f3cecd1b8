package io.newsmon.ingest.politeness;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How politely {@link PoliteFetcher} fetches: how often it may ask one host, whether it reads the host's
 * {@code robots.txt}, and how long it heeds a server's {@code Retry-After}.
 *
 * <p>Example: {@code PolitenessSettings.defaults().withPerHostDelay(Duration.ofMillis(500))}.
 *
 * @param perHostDelay         the least pause between two requests to one host; default 1 s, zero for none.
 *                             A longer {@code Crawl-delay} in the host's {@code robots.txt} wins
 * @param perHostConnections   how many requests may be in flight to one host at a time; default 1
 * @param ignoreRobotsTxt      whether {@code robots.txt} is left unread; default false, so it is read and
 *                             obeyed
 * @param robotsAgent          the user-agent token looked up in {@code robots.txt}, letters, {@code _} and
 *                             {@code -} only (RFC 9309), matched case-insensitively; default {@code newsmon}
 * @param maxCrawlDelay        the longest {@code Crawl-delay} honoured; a longer one counts as this long;
 *                             default 30 s
 * @param maxRetryAfter        the longest {@code Retry-After} honoured; a longer one counts as this long;
 *                             default 1 h
 * @param maxWait              how long a request waits for a host that asked us to wait (Retry-After);
 *                             a request to a host deferred for longer fails at once; default 30 s
 * @param robotsCacheFor       how long a host's {@code robots.txt} is used before it is fetched again;
 *                             default 24 h, zero to fetch it before every request
 */
public record PolitenessSettings(Duration perHostDelay, int perHostConnections, boolean ignoreRobotsTxt,
                                 String robotsAgent, Duration maxCrawlDelay, Duration maxRetryAfter,
                                 Duration maxWait, Duration robotsCacheFor) {
    /** The default {@code robots.txt} user-agent token. */
    public static final String DEFAULT_ROBOTS_AGENT = "newsmon";

    private static final Pattern PRODUCT_TOKEN = Pattern.compile("[a-zA-Z_-]+");

    public PolitenessSettings {
        requireZeroOrPositive(perHostDelay, "perHostDelay");
        if (perHostConnections < 1) {
            throw new IllegalArgumentException(
                    "politeness perHostConnections " + perHostConnections + " must be at least 1");
        }
        if (robotsAgent == null || !PRODUCT_TOKEN.matcher(robotsAgent).matches()) {
            throw new IllegalArgumentException("politeness robotsAgent " + (robotsAgent == null ? null
                    : "\"" + robotsAgent + "\"") + " must be letters, '_' and '-' only (an RFC 9309 product token)");
        }
        requireZeroOrPositive(maxCrawlDelay, "maxCrawlDelay");
        requireZeroOrPositive(maxRetryAfter, "maxRetryAfter");
        requireZeroOrPositive(maxWait, "maxWait");
        requireZeroOrPositive(robotsCacheFor, "robotsCacheFor");
    }

    /**
     * 1 s between requests, one at a time per host, {@code robots.txt} obeyed for {@code newsmon} and kept
     * 24 h, {@code Crawl-delay} up to 30 s, {@code Retry-After} up to 1 h, waiting at most 30 s for a
     * deferred host.
     */
    public static PolitenessSettings defaults() {
        return new PolitenessSettings(Duration.ofSeconds(1), 1, false, DEFAULT_ROBOTS_AGENT, Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(24));
    }

    /** These settings with {@code perHostDelay} changed. */
    public PolitenessSettings withPerHostDelay(Duration delay) {
        return new PolitenessSettings(delay, perHostConnections, ignoreRobotsTxt, robotsAgent, maxCrawlDelay,
                maxRetryAfter, maxWait, robotsCacheFor);
    }

    /** These settings with {@code ignoreRobotsTxt} changed. */
    public PolitenessSettings withIgnoreRobotsTxt(boolean ignore) {
        return new PolitenessSettings(perHostDelay, perHostConnections, ignore, robotsAgent, maxCrawlDelay,
                maxRetryAfter, maxWait, robotsCacheFor);
    }

    private static void requireZeroOrPositive(Duration value, String name) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException("politeness " + name + " " + value + " must be zero or positive");
        }
    }
}
