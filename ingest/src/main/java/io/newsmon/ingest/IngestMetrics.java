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

    /** Meters registered with {@code registry}, as they are first used. */
    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
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
