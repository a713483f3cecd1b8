package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import io.newsmon.ingest.politeness.ManualClock;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-feed meters of {@link Ingester} ({@link IngestMetrics}), against a local site. */
class IngestMetricsTest {
    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final ManualClock clock = new ManualClock(START);
    private final Queue<RawPage> published = new ConcurrentLinkedQueue<>();
    private final InMemorySeenIds seen = new InMemorySeenIds();
    private final InMemoryFeedStates states = new InMemoryFeedStates();
    private LocalServer server;
    private Ingester ingester;
    private byte[] feedBody;
    private byte[] page0;
    private byte[] page1;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        feedBody = bytes(server.rss("/a/0.html", "/a/1.html"));
        page0 = bytes("<html><body><p>Licence rules for Huawei suppliers.</p></body></html>");
        page1 = bytes("<html><body><p>Entity list additions, with a longer body than the first.</p></body></html>");
        server.route("/feed.rss", this::feedWithEtag);
        server.serve("/a/0.html", "text/html", page0).serve("/a/1.html", "text/html", page1);
        server.serve("/missing.rss", "application/rss+xml", server.rss("/a/gone.html"));
        server.serve("/news.html", "text/html", "<html><body><p>Not a feed</p></body></html>");
        server.serve("/pdf.rss", "application/rss+xml", server.rss("/report.pdf"));
        server.serve("/report.pdf", "application/pdf", "%PDF-1.7");
        HttpFetcher http = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        ingester = new Ingester(http, PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), IngestSettings.defaults(),
                clock, new SplittableRandom(7), registry);
    }

    @AfterEach
    void stop() {
        ingester.close();
        server.close();
    }

    @Test
    void countsFetchesPerFeedByTargetAndOutcome() {
        FeedSource feed = feed("/feed.rss");

        poll(feed);
        poll(feed);

        assertThat(fetches(feed, "feed", "ok")).isEqualTo(1);
        assertThat(fetches(feed, "feed", "not_modified")).isEqualTo(1);
        assertThat(fetches(feed, "page", "ok")).isEqualTo(2);
        assertThat(sum(registry.find(IngestMetrics.FETCHES).tag("outcome", "error"))).isZero();
        // robots.txt is fetched too, but is no feed's fetch
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(sum(registry.find(IngestMetrics.FETCHES))).isEqualTo(4);
    }

    @Test
    void countsAMissingPageAndAnUnreachableFeedUnderTheirKinds() throws IOException {
        FeedSource missing = feed("/missing.rss");
        FeedSource unreachable = FeedSource.feed("http://127.0.0.1:" + freePort() + "/feed.xml");

        poll(missing, unreachable);

        assertThat(errors(missing, "page", "http_status")).isEqualTo(1);
        assertThat(fetches(missing, "page", "error")).isEqualTo(1);
        assertThat(fetches(missing, "feed", "ok")).isEqualTo(1);
        assertThat(errors(unreachable, "feed", "connect")).isEqualTo(1);
        assertThat(fetches(unreachable, "feed", "error")).isEqualTo(1);
        assertThat(sum(registry.find(IngestMetrics.ERRORS))).isEqualTo(2);
    }

    @Test
    void countsADocumentThatIsNoFeedAndAPageThatIsNoHtmlThoughTheirFetchesWorked() {
        FeedSource listing = feed("/news.html");
        FeedSource pdf = feed("/pdf.rss");

        poll(listing, pdf);

        assertThat(errors(listing, "feed", "not_a_feed")).isEqualTo(1);
        assertThat(fetches(listing, "feed", "ok")).isEqualTo(1);
        assertThat(errors(pdf, "page", "not_html")).isEqualTo(1);
        assertThat(fetches(pdf, "page", "ok")).isEqualTo(1);
    }

    @Test
    void addsUpTheBodyBytesServedPerFeedAndTarget() {
        FeedSource feed = feed("/feed.rss");

        poll(feed);
        poll(feed);

        assertThat(registry.get(IngestMetrics.BYTES).tags("feed", feed.url(), "target", "feed").summary().totalAmount())
                .isEqualTo(feedBody.length);
        assertThat(registry.get(IngestMetrics.BYTES).tags("feed", feed.url(), "target", "page").summary().totalAmount())
                .isEqualTo(page0.length + page1.length);
        assertThat(registry.get(IngestMetrics.BYTES).tags("feed", feed.url(), "target", "page").summary().max())
                .isEqualTo(page1.length);
    }

    @Test
    void timesEachFetchSent() throws IOException {
        FeedSource feed = feed("/feed.rss");
        FeedSource missing = feed("/missing.rss");
        FeedSource unreachable = FeedSource.feed("http://127.0.0.1:" + freePort() + "/feed.xml");

        poll(feed, missing, unreachable);
        poll(feed);

        assertThat(timer(feed, "feed").count()).isEqualTo(2);
        assertThat(timer(feed, "page").count()).isEqualTo(2);
        assertThat(timer(missing, "page").count()).isEqualTo(1);
        assertThat(timer(unreachable, "feed").count()).isEqualTo(1);
        assertThat(timer(feed, "feed").totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    void countsFeedsByHealthAndTheSilentOnesAsTheClockMoves() throws IOException {
        FeedSource ok = feed("/feed.rss");
        FeedSource failing = FeedSource.feed("http://127.0.0.1:" + freePort() + "/feed.xml");
        FeedSource notYet = feed("/later.rss");
        ingester.meterHealth(() -> List.of(ok, failing, notYet), states);
        assertThat(gauge("never_polled")).isEqualTo(3);

        poll(ok, failing);
        assertThat(List.of(gauge("ok"), gauge("failing"), gauge("never_polled"), silent())).containsExactly(1.0, 1.0, 1.0, 0.0);

        clock.advance(Duration.ofMinutes(20));
        poll(ok, failing);
        // the failing feed was first polled at START, with the initial interval of 15 min: silent after 31 min
        clock.advance(Duration.ofMinutes(11));
        assertThat(silent()).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(silent()).isEqualTo(1);
        assertThat(List.of(gauge("ok"), gauge("failing"), gauge("never_polled"))).containsExactly(1.0, 1.0, 1.0);
        assertThat(ingester.health(List.of(ok, failing, notYet), states).silent())
                .containsExactly(new SilentFeed(failing.url(), "127.0.0.1", null, Duration.ofMinutes(15)));
    }

    private void poll(FeedSource... feeds) {
        ingester.pollOnce(List.of(feeds), states, seen, published::add);
    }

    private double fetches(FeedSource feed, String target, String outcome) {
        return registry.get(IngestMetrics.FETCHES).tags("feed", feed.url(), "target", target, "outcome", outcome)
                .counter().count();
    }

    private double errors(FeedSource feed, String target, String kind) {
        return registry.get(IngestMetrics.ERRORS).tags("feed", feed.url(), "target", target, "kind", kind).counter().count();
    }

    private Timer timer(FeedSource feed, String target) {
        return registry.get(IngestMetrics.LATENCY).tags("feed", feed.url(), "target", target).timer();
    }

    private double gauge(String health) {
        return registry.get(IngestMetrics.FEEDS).tag("health", health).gauge().value();
    }

    private double silent() {
        return registry.get(IngestMetrics.SILENT).gauge().value();
    }

    private static double sum(Search search) {
        return search.counters().stream().mapToDouble(Counter::count).sum();
    }

    private FeedSource feed(String path) {
        return FeedSource.feed(server.url(path));
    }

    /** The feed with its ETag: 200 without a matching If-None-Match, else 304. */
    private void feedWithEtag(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("ETag", "\"v1\"");
        if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        LocalServer.send(exchange, 200, "application/rss+xml", feedBody);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void eachPollIsCountedOnceByItsOutcomeWithItsPages() {
        MeterRegistry registry = new SimpleMeterRegistry();
        IngestMetrics metrics = new IngestMetrics(registry);
        FeedSource feed = FeedSource.feed("https://news.example/rss");
        io.newsmon.model.FeedState state = io.newsmon.model.FeedState.initial(feed.url(), "Example",
                Duration.ofMinutes(30), Instant.parse("2026-12-01T00:00:00Z"));

        metrics.polled(FeedPoll.read(feed, state, 10, 3, List.of("page https://news.example/a: 404"), 1));
        metrics.polled(FeedPoll.notModified(feed, state));
        metrics.polled(FeedPoll.failed(feed, state, "feed https://news.example/rss: 500"));
        metrics.polled(FeedPoll.leftAtDeadline(feed, state));

        assertThat(metrics.polls()).isEqualTo(4);
        assertThat(metrics.notModified()).isEqualTo(1);
        assertThat(metrics.pollsFailed()).isEqualTo(1);
        assertThat(metrics.pages()).isEqualTo(3);
        assertThat(metrics.pagesFailed()).isEqualTo(1);
        assertThat(registry.get(IngestMetrics.PAGES).counter().count()).as("the meter is the count").isEqualTo(3);
    }
}
