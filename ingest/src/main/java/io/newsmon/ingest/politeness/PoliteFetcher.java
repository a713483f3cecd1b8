package io.newsmon.ingest.politeness;

import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.Validators;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Fetches the way a polite crawler does: through a {@link HostThrottle} slot of the URL's host, after
 * checking the origin's {@code robots.txt} ({@link RobotsCache}, itself fetched through the same slot),
 * and heeding {@code Retry-After}.
 *
 * <p>A {@link FetchResult.Failed} that is {@linkplain FetchResult.Failed#throttled() throttled} (429, or
 * 503 with {@code Retry-After}) defers its host by the {@code Retry-After}, or by
 * {@link #DEFAULT_RETRY_AFTER} for a 429 without one, capped at
 * {@link PolitenessSettings#maxRetryAfter()}. Requests to a deferred host then wait for the end of the
 * deferral if it is within {@link PolitenessSettings#maxWait()}, and otherwise fail at once with status 0
 * and the time left as {@code retryAfter}, for example {@code example.org asked us to wait until
 * 2025-03-01T10:02:00Z (Retry-After); not fetched} (kind {@link FailureKind#THROTTLED}). A
 * {@code robots.txt} that forbids the URL gives {@code robots.txt of example.org disallows /private/a for
 * user agent newsmon} (kind {@link FailureKind#ROBOTS}). {@link #fetch} never throws.
 *
 * <p>Example: {@code new PoliteFetcher(httpFetcher::fetch, PolitenessSettings.defaults(), Clock.systemUTC())
 * .fetch("https://example.org/feed.xml", Validators.NONE)}.
 */
public final class PoliteFetcher {
    /** How long a host that answered 429 without {@code Retry-After} is left alone: 60 s. */
    public static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(60);

    /** Fetches one URL without any politeness, for example {@code HttpFetcher::fetch}; should not throw. */
    @FunctionalInterface
    public interface Fetch {
        FetchResult fetch(String url, Validators validators);
    }

    private final Fetch fetch;
    private final PolitenessSettings settings;
    private final Clock clock;
    private final HostThrottle throttle;
    private final RobotsCache robots;

    /**
     * @param fetch    the plain fetch, for example {@code HttpFetcher::fetch}
     * @param settings delays, requests per host, {@code robots.txt} and {@code Retry-After} handling
     * @param clock    tells when a deferral or kept {@code robots.txt} ends
     */
    public PoliteFetcher(Fetch fetch, PolitenessSettings settings, Clock clock) {
        this.fetch = fetch;
        this.settings = settings;
        this.clock = clock;
        this.throttle = new HostThrottle(settings, clock);
        this.robots = new RobotsCache(this::fetchRobots, settings, clock);
    }

    /** Fetches {@code url} unconditionally; see {@link #fetch(String, Validators)}. */
    public FetchResult fetch(String url) {
        return fetch(url, Validators.NONE);
    }

    /**
     * Fetches {@code url} (a conditional GET when {@code validators} are given) once its host is free,
     * rested, not deferred and its {@code robots.txt} allows it; never throws.
     */
    public FetchResult fetch(String url, Validators validators) {
        return fetch(url, validators, took -> { });
    }

    /**
     * Fetches {@code url} as {@link #fetch(String, Validators)} does, and tells {@code requestTook} how long
     * the plain fetch took, redirects included but not the waits for the host's slot, its delay, a
     * deferral or its {@code robots.txt}. {@code requestTook} is called once, on this thread, when the plain
     * fetch ran, and not at all when it did not (disallowed by {@code robots.txt}, host deferred,
     * interrupted while waiting).
     */
    public FetchResult fetch(String url, Validators validators, Consumer<Duration> requestTook) {
        Optional<Target> target = Target.of(url);
        if (target.isEmpty()) {
            return plainFetch(url, validators); // not an http(s) URL: the fetch says so without a request
        }
        String host = target.get().host();
        try {
            if (!settings.ignoreRobotsTxt()) {
                Optional<String> refusal = robots.refusal(url);
                if (refusal.isPresent()) {
                    return new FetchResult.Failed(url, FailureKind.ROBOTS, refusal.get());
                }
                throttle.setCrawlDelay(host, robots.crawlDelay(host));
            }
            return throttle.call(host, () -> heed(host, timed(url, validators, requestTook)),
                    until -> deferred(url, host, until));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(url, FailureKind.INTERRUPTED, "interrupted while waiting to fetch " + url);
        }
    }

    /** When the deferral of {@code host} (from {@code Retry-After}) ends, or empty when it is not deferred. */
    public Optional<Instant> deferredUntil(String host) {
        return throttle.deferredUntil(host);
    }

    private FetchResult fetchRobots(String robotsUrl) throws InterruptedException {
        String host = Target.of(robotsUrl).orElseThrow().host();
        return throttle.call(host, () -> heed(host, plainFetch(robotsUrl, Validators.NONE)),
                until -> deferred(robotsUrl, host, until));
    }

    private FetchResult timed(String url, Validators validators, Consumer<Duration> requestTook) {
        long start = System.nanoTime();
        FetchResult result = plainFetch(url, validators);
        requestTook.accept(Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    private FetchResult plainFetch(String url, Validators validators) {
        try {
            return fetch.fetch(url, validators);
        } catch (RuntimeException e) {
            return new FetchResult.Failed(url, FailureKind.OTHER, "fetching " + url + " failed unexpectedly: " + e);
        }
    }

    /** Defers the host when {@code result} asks us to slow down; returns {@code result}. */
    private FetchResult heed(String host, FetchResult result) {
        if (result instanceof FetchResult.Failed failed && failed.throttled()) {
            Duration wait = failed.retryAfter() == null ? DEFAULT_RETRY_AFTER : failed.retryAfter();
            throttle.deferUntil(host, clock.instant().plus(wait));
        }
        return result;
    }

    private FetchResult deferred(String url, String host, Instant until) {
        Duration remaining = Duration.between(clock.instant(), until);
        return new FetchResult.Failed(url, FailureKind.THROTTLED,
                host + " asked us to wait until " + until + " (Retry-After); not fetched", 0,
                remaining.isNegative() ? Duration.ZERO : remaining);
    }
}
