package io.newsmon.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.model.text.Printable;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The meters of ingest, per feed: tag {@code feed} is the feed's URL as configured, shown as
 * {@link Printable#url} shows it (a password or token in it masked: {@code http://ann:***@example.org/rss}),
 * and a page counts under the feed whose entry led to it. Names are Micrometer's; Prometheus shows them as in brackets.
 *
 * <ul>
 *   <li>{@value #POLLS} ({@code newsmon_ingest_polls_total}), {@value #POLLS_FAILED}
 *       ({@code _polls_failed_total}), {@value #NOT_MODIFIED} ({@code _not_modified_total}), {@value #PAGES}
 *       ({@code _pages_total}) and {@value #PAGES_FAILED} ({@code _pages_failed_total}), counters: the feed
 *       polls of this instance, those that gave no entries, those answered 304, the article pages published
 *       and those not fetched or not published. The run summary and {@code IngestService}'s counts read
 *       them.</li>
 *   <li>{@value #FETCHES} ({@code newsmon_ingest_fetches_total}), counter, tags {@code feed},
 *       {@code target} ({@code feed} for a feed, listing page or sitemap, {@code page} for an article)
 *       and {@code outcome} ({@code ok}, {@code not_modified}, {@code error}): every fetch asked of the
 *       polite fetcher, sent or not (a {@code robots.txt} refusal or a deferred host is an error). The
 *       fetches of {@code robots.txt} itself are not counted.</li>
 *   <li>{@value #ERRORS} ({@code newsmon_ingest_fetch_errors_total}), counter, tags {@code feed},
 *       {@code target} and {@code kind} (a {@link FailureKind#tag()}, for example {@code http_status},
 *       {@code timeout}, {@code not_a_feed}): each failed fetch, and each document fetched but of no use
 *       (not a feed, no links, not HTML...).</li>
 *   <li>{@value #BYTES} ({@code newsmon_ingest_fetch_bytes_sum}, {@code _count}, {@code _max}),
 *       distribution summary in bytes, tags {@code feed} and {@code target}: the body of each 2xx
 *       response, after any {@code Content-Encoding} was undone.</li>
 *   <li>{@value #LATENCY} ({@code newsmon_ingest_fetch_latency_seconds_count}, {@code _sum},
 *       {@code _max}), timer, tags {@code feed} and {@code target}: each fetch sent, from the first
 *       request to the end of the last response, redirects included, the politeness waits (the host's
 *       slot, its delay, {@code robots.txt}) excluded. Fetches not sent are not timed.</li>
 *   <li>{@value #FEEDS} ({@code newsmon_ingest_feeds}), gauge, tag {@code health} ({@code ok},
 *       {@code failing}, {@code never_polled}), and {@value #SILENT} ({@code newsmon_ingest_feeds_silent}),
 *       gauge: the feeds this instance polls, as {@link FeedHealth} counts them, once
 *       {@link #watch(Supplier)} was called.</li>
 * </ul>
 *
 * <p>Example: {@code new Ingester(http, politeness, settings, clock, registry)} meters its fetches, and
 * {@code IngestService} adds the gauges of its feeds.
 */
public final class IngestMetrics {
    /** Feed polls. */
    public static final String POLLS = "newsmon.ingest.polls";
    /** Feed polls that gave no entries. */
    public static final String POLLS_FAILED = "newsmon.ingest.polls.failed";
    /** Feed polls answered 304 Not Modified. */
    public static final String NOT_MODIFIED = "newsmon.ingest.not.modified";
    /** Article pages published. */
    public static final String PAGES = "newsmon.ingest.pages";
    /** Article pages not fetched or not published. */
    public static final String PAGES_FAILED = "newsmon.ingest.pages.failed";
    /** Fetches by feed, target and outcome. */
    public static final String FETCHES = "newsmon.ingest.fetches";
    /** Failed fetches and unusable documents by feed, target and kind. */
    public static final String ERRORS = "newsmon.ingest.fetch.errors";
    /** Body bytes of 2xx responses by feed and target. */
    public static final String BYTES = "newsmon.ingest.fetch.bytes";
    /** The time of fetches sent, by feed and target. */
    public static final String LATENCY = "newsmon.ingest.fetch.latency";
    /** The feeds polled by this instance, by health. */
    public static final String FEEDS = "newsmon.ingest.feeds";
    /** The silent feeds among them. */
    public static final String SILENT = "newsmon.ingest.feeds.silent";

    /** What a fetch was for: its {@code target} tag. */
    enum Target {
        /** A feed, listing page or sitemap (a sitemap index's sitemaps too). */
        FEED,
        /** An article page. */
        PAGE;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter polls;
    private final Counter pollsFailed;
    private final Counter notModified;
    private final Counter pages;
    private final Counter pagesFailed;

    /** The poll counters registered with {@code registry} now, the per-feed meters as they are first used. */
    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.polls = Counter.builder(POLLS).description("feed polls").register(registry);
        this.pollsFailed = Counter.builder(POLLS_FAILED).description("feed polls that gave no entries").register(registry);
        this.notModified = Counter.builder(NOT_MODIFIED).description("feed polls answered 304 Not Modified")
                .register(registry);
        this.pages = Counter.builder(PAGES).description("article pages published to news.raw").register(registry);
        this.pagesFailed = Counter.builder(PAGES_FAILED).description("article pages not fetched or not published")
                .register(registry);
    }

    /** Counts one poll of one feed and its pages. */
    void polled(FeedPoll poll) {
        polls.increment();
        if (poll.failed()) {
            pollsFailed.increment();
        }
        if (poll.notModified()) {
            notModified.increment();
        }
        pages.increment(poll.published());
        pagesFailed.increment(poll.pagesFailed());
    }

    /** Feed polls since start ({@value #POLLS}). */
    public long polls() {
        return (long) polls.count();
    }

    /** Feed polls that gave no entries since start ({@value #POLLS_FAILED}). */
    public long pollsFailed() {
        return (long) pollsFailed.count();
    }

    /** Feed polls answered 304 since start ({@value #NOT_MODIFIED}). */
    public long notModified() {
        return (long) notModified.count();
    }

    /** Article pages published since start ({@value #PAGES}). */
    public long pages() {
        return (long) pages.count();
    }

    /** Article pages not fetched or not published since start ({@value #PAGES_FAILED}). */
    public long pagesFailed() {
        return (long) pagesFailed.count();
    }

    /** Counts the fetch of {@code result} for {@code feed}: its outcome, its error kind or its bytes. */
    void fetched(String feed, Target target, FetchResult result) {
        String outcome = switch (result) {
            case FetchResult.Fetched page -> {
                DistributionSummary.builder(BYTES).description("body bytes of 2xx responses, decompressed")
                        .baseUnit("bytes").tags("feed", shown(feed), "target", target.tag()).register(registry)
                        .record(page.body().length);
                yield "ok";
            }
            case FetchResult.NotModified notModified -> "not_modified";
            case FetchResult.Failed failed -> {
                failed(feed, target, failed.kind());
                yield "error";
            }
        };
        Counter.builder(FETCHES).description("fetches of feeds and article pages")
                .tags("feed", shown(feed), "target", target.tag(), "outcome", outcome).register(registry).increment();
    }

    /** Counts a failure of {@code kind}: a failed fetch, or a document fetched but of no use. */
    void failed(String feed, Target target, FailureKind kind) {
        Counter.builder(ERRORS).description("failed fetches and unusable documents, by kind")
                .tags("feed", shown(feed), "target", target.tag(), "kind", kind.tag()).register(registry).increment();
    }

    /** Times one fetch sent for {@code feed}. */
    void took(String feed, Target target, Duration time) {
        Timer.builder(LATENCY).description("time of fetches sent, redirects included, politeness waits excluded")
                .tags("feed", shown(feed), "target", target.tag()).register(registry).record(time);
    }

    /** The {@code feed} tag of the feed at {@code url}. */
    private static String shown(String url) {
        return Printable.url(url);
    }

    /**
     * Registers the feed gauges, each reading {@code health} when the registry is read; only the first
     * call registers them.
     */
    void watch(Supplier<FeedHealth> health) {
        gauge("ok", health, FeedHealth::ok);
        gauge("failing", health, FeedHealth::failing);
        gauge("never_polled", health, FeedHealth::neverPolled);
        Gauge.builder(SILENT, () -> health.get().silent().size())
                .description("feeds not read successfully for over twice their expected interval plus 1 min")
                .strongReference(true).register(registry);
    }

    private void gauge(String status, Supplier<FeedHealth> health, ToIntFunction<FeedHealth> count) {
        Gauge.builder(FEEDS, () -> count.applyAsInt(health.get())).description("feeds this instance polls, by health")
                .tag("health", status).strongReference(true).register(registry);
    }
}
