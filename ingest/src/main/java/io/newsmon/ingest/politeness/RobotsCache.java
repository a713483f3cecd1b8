package io.newsmon.ingest.politeness;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsmon.ingest.fetch.FetchResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code robots.txt} rules of each origin (scheme, host and port), fetched once and kept for
 * {@link PolitenessSettings#robotsCacheFor()}, parsed with crawler-commons for
 * {@link PolitenessSettings#robotsAgent()}.
 *
 * <p>What an answer other than a page means follows crawler-commons' {@code failedFetch(status)} and
 * RFC 9309:
 * <ul>
 *   <li>a 4xx status (404 included): there are no rules, everything is allowed; kept like a page, except
 *       after 429, which is kept only {@link #RECHECK_AFTER} since the server was merely busy;</li>
 *   <li>a 5xx (or 3xx after too many redirects): nothing is allowed, but only for {@link #RECHECK_AFTER}
 *       (or {@code robotsCacheFor} if shorter), then the host is asked again;</li>
 *   <li>no HTTP response at all (unreachable, timed out, deferred): everything is allowed and nothing is
 *       kept, so the real request reports the real error and the next one asks again.</li>
 * </ul>
 * Only the first {@link #MAX_ROBOTS_BYTES} of a {@code robots.txt} are parsed, cut at the last line
 * break before that, as RFC 9309 lets crawlers do: a line cut in half could turn {@code Disallow: /a}
 * into {@code Disallow: /}. A {@code Crawl-delay} is parsed whatever its length (crawler-commons would
 * otherwise disallow everything above 5 minutes); {@link HostThrottle} caps it.
 *
 * <p>Example: {@code new RobotsCache(robotsUrl -> fetcher.fetch(robotsUrl), settings, clock).refusal(url)}.
 */
public final class RobotsCache {
    /** The most bytes of a {@code robots.txt} parsed: 500 KiB, the least RFC 9309 allows. */
    public static final int MAX_ROBOTS_BYTES = 500 * 1024;
    /** How long rules from a server error (or a 429) are kept before the host is asked again: 10 min. */
    public static final Duration RECHECK_AFTER = Duration.ofMinutes(10);

    /** Fetches one {@code robots.txt}; a throttled fetch reports a {@link FetchResult.Failed} with status 0. */
    @FunctionalInterface
    public interface RobotsFetch {
        FetchResult fetch(String robotsUrl) throws InterruptedException;
    }

    /** The rules of one origin, the status they came from (200 for a page), and when to ask again. */
    private record Rules(BaseRobotRules rules, int status, Instant expires) {
    }

    private final RobotsFetch fetch;
    private final PolitenessSettings settings;
    private final Clock clock;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE,
            SimpleRobotRulesParser.DEFAULT_MAX_WARNINGS);
    private final ConcurrentMap<String, Entry> origins = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Duration> crawlDelays = new ConcurrentHashMap<>();

    /**
     * @param fetch    gets a {@code robots.txt}; should go through the host's {@link HostThrottle} slot
     * @param settings the agent to parse for and how long to keep the rules
     * @param clock    tells when kept rules expire
     */
    public RobotsCache(RobotsFetch fetch, PolitenessSettings settings, Clock clock) {
        this.fetch = fetch;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the {@code robots.txt} of its origin lets us fetch {@code url}; fetches it when not kept. */
    public boolean allowed(String url) throws InterruptedException {
        return refusal(url).isEmpty();
    }

    /**
     * Why {@code url} may not be fetched, for example {@code robots.txt of example.org disallows /private
     * for user agent newsmon}, or empty when it may be (and when {@code url} is not an http(s) URL, which
     * the fetch itself will report). Fetches the {@code robots.txt} when not kept.
     */
    public Optional<String> refusal(String url) throws InterruptedException {
        Optional<Target> target = Target.of(url);
        if (target.isEmpty()) {
            return Optional.empty();
        }
        Rules rules = rulesOf(target.get());
        if (rules.rules().isAllowed(url)) {
            return Optional.empty();
        }
        String refusal = "robots.txt of " + target.get().authority() + " disallows " + target.get().path()
                + " for user agent " + settings.robotsAgent();
        return Optional.of(rules.status() == 200 ? refusal : refusal + ": it answered HTTP status "
                + rules.status() + ", so nothing may be fetched from it until it is asked again at " + rules.expires());
    }

    /** The {@code Crawl-delay} of the latest {@code robots.txt} read from {@code host}, zero for none. */
    public Duration crawlDelay(String host) {
        return crawlDelays.getOrDefault(host.toLowerCase(Locale.ROOT), Duration.ZERO);
    }

    private Rules rulesOf(Target target) throws InterruptedException {
        Entry entry = origins.computeIfAbsent(target.origin(), o -> new Entry());
        Rules kept = entry.fresh(clock.instant());
        if (kept != null) {
            return kept;
        }
        // one fetch per origin: the others wait for it and use its rules
        entry.lock.lockInterruptibly();
        try {
            kept = entry.fresh(clock.instant());
            if (kept == null) {
                kept = load(target);
                entry.rules = kept;
            }
            return kept;
        } finally {
            entry.lock.unlock();
        }
    }

    private Rules load(Target target) throws InterruptedException {
        String robotsUrl = target.robotsUrl();
        Instant now = clock.instant();
        return switch (fetch.fetch(robotsUrl)) {
            case FetchResult.Fetched page -> {
                BaseRobotRules rules = parser.parseContent(robotsUrl, capped(page.body()), page.contentType(),
                        List.of(settings.robotsAgent().toLowerCase(Locale.ROOT)));
                crawlDelays.put(target.host(), crawlDelayOf(rules));
                yield new Rules(rules, 200, now.plus(settings.robotsCacheFor()));
            }
            case FetchResult.Failed failed when failed.status() >= 300 -> {
                crawlDelays.put(target.host(), Duration.ZERO);
                yield failedFetch(failed.status(), now);
            }
            case FetchResult.Failed failed -> notKept(now);
            case FetchResult.NotModified notModified -> notKept(now);
        };
    }

    private Rules failedFetch(int status, Instant now) {
        BaseRobotRules rules = parser.failedFetch(status);
        boolean noRules = status >= 400 && status < 500 && status != 429;
        Duration keep = noRules ? settings.robotsCacheFor() : min(RECHECK_AFTER, settings.robotsCacheFor());
        return new Rules(rules, status, now.plus(keep));
    }

    private static Rules notKept(Instant now) {
        return new Rules(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), 0, now);
    }

    private static Duration crawlDelayOf(BaseRobotRules rules) {
        long millis = rules.getCrawlDelay();
        return millis == BaseRobotRules.UNSET_CRAWL_DELAY || millis <= 0 ? Duration.ZERO : Duration.ofMillis(millis);
    }

    private static byte[] capped(byte[] body) {
        if (body.length <= MAX_ROBOTS_BYTES) {
            return body;
        }
        int end = MAX_ROBOTS_BYTES;
        while (end > 0 && body[end - 1] != '\n') {
            end--;
        }
        return Arrays.copyOf(body, end);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The kept rules of one origin and the lock that lets one thread fetch them. */
    private static final class Entry {
        final ReentrantLock lock = new ReentrantLock();
        volatile Rules rules;

        /** The kept rules if they have not expired at {@code now}, else null. */
        Rules fresh(Instant now) {
            Rules current = rules;
            return current != null && current.expires().isAfter(now) ? current : null;
        }
    }
}
