package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedType;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.model.ArticleId;
import io.newsmon.model.Json;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IngesterTest {
    private static final Instant NOW = Instant.parse("2024-05-08T12:00:00Z");
    private static final List<String> ARTICLES = List.of("huawei-licence-rules", "entity-list-additions",
            "handset-teardown", "licence-revocations-explained", "weekly-bulletin");

    private final Queue<RawPage> published = new ConcurrentLinkedQueue<>();
    private final InMemorySeenIds seen = new InMemorySeenIds();
    private final InMemoryFeedStates states = new InMemoryFeedStates();
    private LocalServer server;
    private Ingester ingester;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        serveSite();
        ingester = ingester(PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), IngestSettings.defaults());
    }

    @AfterEach
    void stop() {
        ingester.close();
        server.close();
    }

    private Ingester ingester(PolitenessSettings politeness, IngestSettings settings) {
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        return new Ingester(fetcher, politeness, settings, Clock.fixed(NOW, ZoneOffset.UTC), new SplittableRandom(1));
    }

    private IngestReport poll(List<FeedSource> feeds) {
        return ingester.pollOnce(feeds, states, seen, published::add);
    }

    /**
     * With 30 s between two requests to the host, the pages of a feed would take minutes; a round with a
     * deadline of 1 s stops waiting for them at the deadline, leaves them unseen for the next round and
     * says so, without calling them failures.
     */
    @Test
    void aRoundStopsFetchingAtItsDeadlineAndLeavesTheRestForTheNextRound() {
        ingester.close();
        ingester = ingester(PolitenessSettings.defaults().withPerHostDelay(Duration.ofSeconds(30)).withIgnoreRobotsTxt(true),
                IngestSettings.defaults());

        IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> ingester.pollOnce(List.of(rss()), states, seen, published::add, Duration.ofSeconds(1)));

        assertThat(report.entries()).isPositive();
        assertThat(report.pagesLeft()).isPositive();
        assertThat(report.pagesFetched() + report.pagesLeft()).isEqualTo(report.entries());
        assertThat(report.pagesFailed()).isZero();
        assertThat(report.feedsFailed()).isZero();
        assertThat(report.errors()).isEmpty();
        assertThat(seen.size()).isEqualTo(report.pagesFetched());
        assertThat(states.get(rss().url()).orElseThrow().consecutiveFailures()).isZero();

        ingester.close();
        ingester = ingester(PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), IngestSettings.defaults());
        IngestReport next = poll(List.of(rss()));
        assertThat(next.pagesFetched()).as("the pages left are fetched by the next round").isEqualTo(report.pagesLeft());
    }

    /** A feed whose own fetch still waits for its host at the deadline is left, not failed. */
    @Test
    void aFeedStillWaitingForItsHostAtTheDeadlineIsLeftNotFailed() {
        ingester.close();
        ingester = ingester(PolitenessSettings.defaults().withPerHostDelay(Duration.ofSeconds(30)), IngestSettings.defaults());

        IngestReport report = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ingester.pollOnce(
                List.of(rss()), states, seen, published::add, Duration.ofSeconds(1)));

        assertThat(report.feedsLeft()).as("robots.txt came first, and the feed waits 30 s behind it").isEqualTo(1);
        assertThat(report.feedsFailed()).isZero();
        assertThat(report.errors()).isEmpty();
        assertThat(states.get(rss().url())).isEmpty();
    }

    /**
     * Control characters (here a million each of vertical tab, NUL and SOH) take six bytes each in a JSON
     * message, so a page of a few MB of them made a record too large for Kafka; HTML gives them no meaning.
     * Those that are whitespace to Java go as spaces (one byte), the others as U+FFFD (three bytes), which
     * keeps for enrich the sign of a body that is not text.
     */
    @Test
    void aPageOfControlCharactersIsPublishedWithSpacesAndReplacementCharactersInTheirPlace() {
        server.serve("/articles/huawei-licence-rules.html", "text/html; charset=utf-8",
                "<html><body><p>Huawei" + "\u000b\u0000\u0001".repeat(1_000_000) + "licence\tand\fform\r\nfeed</p></body></html>");

        poll(List.of(rss()));

        RawPage page = published.stream().filter(p -> p.url().endsWith("/huawei-licence-rules.html")).findFirst().orElseThrow();
        assertThat(page.html()).doesNotContain("\u000b", "\u0000", "\u0001")
                .contains("<p>Huawei \uFFFD\uFFFD \uFFFD\uFFFD", " \uFFFD\uFFFDlicence\tand\fform\r\nfeed</p>");
        assertThat(Json.write(page).length).isLessThan(8 * 1024 * 1024);
    }

    /** A page its sink refuses for good (a record too large) is given up like a page that is not HTML. */
    @Test
    void aPageTheSinkRefusesForGoodIsReportedAndGivenUpAfterItsAttempts() {
        IngestSettings settings = IngestSettings.defaults();
        PageSink refusing = page -> {
            if (page.url().endsWith("/huawei-licence-rules.html")) {
                throw new PageSink.Refused("its message is 40,000,000 bytes, more than the 33,488,896 a record may hold");
            }
            published.add(page);
        };
        IngestReport report = null;
        for (int attempt = 1; attempt <= settings.maxPageAttempts(); attempt++) {
            report = ingester.pollOnce(List.of(rss()), states, seen, refusing);
        }

        assertThat(report.errors()).singleElement().asString()
                .contains(article("huawei-licence-rules") + ": its message is 40,000,000 bytes")
                .contains("given up after " + settings.maxPageAttempts() + " attempts");
        assertThat(seen.contains(ArticleId.of(article("huawei-licence-rules")))).isTrue();
    }

    @Test
    void deliversEachArticleOnceThoughSeveralFeedsLinkIt() {
        IngestReport report = poll(List.of(rss(), atom(), listing()));

        assertThat(report).isEqualTo(new IngestReport(3, 0, 0, 6, 4, 0, List.of()));
        assertThat(published).extracting(RawPage::url).containsExactlyInAnyOrder(
                article("huawei-licence-rules"), article("entity-list-additions"),
                article("handset-teardown"), article("licence-revocations-explained"));
        assertThat(published).extracting(RawPage::id).doesNotHaveDuplicates();
        for (String name : List.of("huawei-licence-rules", "entity-list-additions", "handset-teardown")) {
            assertThat(server.hits("/articles/" + name + ".html")).as(name).isEqualTo(1);
        }
        assertThat(seen.size()).isEqualTo(4);
    }

    @Test
    void buildsRawPagesFromTheFeedEntryAndTheFetchedPage() {
        poll(List.of(rss()));

        RawPage page = published.stream().filter(p -> p.url().endsWith("/huawei-licence-rules.html")).findFirst().orElseThrow();
        assertThat(page.schemaVersion()).isEqualTo(RawPage.SCHEMA_VERSION);
        assertThat(page.id()).isEqualTo(ArticleId.of(article("huawei-licence-rules")));
        assertThat(page.feedUrl()).isEqualTo(server.url("/feeds/trade.rss"));
        assertThat(page.source()).isEqualTo("Trade Desk");
        assertThat(page.entry().title()).isEqualTo("Commerce tightens licence rules for Huawei suppliers");
        assertThat(page.entry().author()).isEqualTo("Dana Whitfield");
        assertThat(page.fetchedAt()).isEqualTo(NOW);
        assertThat(page.discoveredAt()).as("the time the poll read the feed").isEqualTo(NOW);
        assertThat(page.httpStatus()).isEqualTo(200);
        assertThat(page.contentType()).isEqualTo("text/html");
        assertThat(page.charset()).isEqualTo("UTF-8");
        assertThat(page.html()).contains("<h1>Commerce tightens licence rules for Huawei suppliers</h1>");
    }

    @Test
    void fetchesTheCanonicalUrlWithoutTrackingParameters() {
        poll(List.of(rss()));

        RawPage page = published.stream().filter(p -> p.url().contains("entity-list")).findFirst().orElseThrow();
        assertThat(page.url()).isEqualTo(article("entity-list-additions"));
        assertThat(page.entry().link()).isEqualTo(article("entity-list-additions") + "?utm_source=rss&utm_medium=feed");
    }

    @Test
    void fetchesNothingAgainOnASecondPollWithTheSameSeenIds() {
        List<FeedSource> feeds = List.of(rss(), atom(), listing());
        poll(feeds);

        IngestReport second = poll(feeds);

        assertThat(second).isEqualTo(new IngestReport(3, 0, 0, 6, 0, 0, List.of()));
        assertThat(published).hasSize(4);
        assertThat(server.hits("/articles/huawei-licence-rules.html")).isEqualTo(1);
        assertThat(server.hits("/feeds/trade.rss")).isEqualTo(2);
    }

    @Test
    void reportsBrokenFeedsAndGoesOnWithTheOthers() throws IOException {
        String unreachable = "http://127.0.0.1:" + freePort() + "/feed.xml";
        List<FeedSource> feeds = List.of(feed("/feeds/gone.xml"), feed("/feeds/malformed.xml"),
                feed("/press/index.html"), FeedSource.feed(unreachable), rss());

        IngestReport report = poll(feeds);

        assertThat(report.feeds()).isEqualTo(5);
        assertThat(report.feedsFailed()).isEqualTo(4);
        assertThat(report.pagesFetched()).isEqualTo(2);
        assertThat(report.errors()).satisfiesExactly(
                e -> assertThat(e).isEqualTo("feed " + server.url("/feeds/gone.xml") + ": HTTP status 404 from " + server.url("/feeds/gone.xml")),
                e -> assertThat(e).startsWith("feed " + server.url("/feeds/malformed.xml") + ": ").contains("is not a valid RSS or Atom feed"),
                e -> assertThat(e).isEqualTo("feed " + server.url("/press/index.html") + ": " + server.url("/press/index.html") + " is an HTML page, not an RSS or Atom feed"),
                e -> assertThat(e).startsWith("feed " + unreachable + ": could not connect to 127.0.0.1:"));
        assertThat(published).extracting(RawPage::url)
                .containsExactlyInAnyOrder(article("huawei-licence-rules"), article("entity-list-additions"));
    }

    @Test
    void reportsPagesThatFailAndTriesThemAgainAtTheNextPoll() {
        IngestReport report = poll(List.of(feed("/feeds/mixed.rss")));

        assertThat(report.pagesFetched()).isEqualTo(1);
        assertThat(report.pagesFailed()).isEqualTo(2);
        assertThat(report.errors()).containsExactlyInAnyOrder(
                "page " + article("withdrawn") + ": HTTP status 404 from " + article("withdrawn") + " (attempt 1 of 3)",
                "page " + server.url("/files/licence-report.pdf") + ": " + server.url("/files/licence-report.pdf")
                        + " is application/pdf, not an HTML page (attempt 1 of 3)");
        assertThat(seen.contains(ArticleId.of(article("withdrawn")))).isFalse();

        poll(List.of(feed("/feeds/mixed.rss")));
        assertThat(server.hits("/articles/withdrawn.html")).isEqualTo(2);
        assertThat(server.hits("/articles/weekly-bulletin.html")).isEqualTo(1);
    }

    @Test
    void marksAPageSeenOnlyOnceTheSinkHasAcceptedIt() {
        IngestReport refused = ingester.pollOnce(List.of(rss()), states, seen, page -> {
            throw new IllegalStateException("broker unavailable");
        });

        assertThat(refused.pagesFailed()).isEqualTo(2);
        assertThat(refused.errors()).isNotEmpty().allSatisfy(e -> assertThat(e).contains("not delivered: java.lang.IllegalStateException: broker unavailable"));
        assertThat(seen.size()).isZero();

        IngestReport accepted = poll(List.of(rss()));
        assertThat(accepted.pagesFetched()).isEqualTo(2);
        assertThat(seen.size()).isEqualTo(2);
    }

    @Test
    void sendsOneRequestAtATimeToAHostWithThePerHostDelayBetween() {
        long start = System.nanoTime();
        IngestReport report;
        try (Ingester polite = ingester(PolitenessSettings.defaults().withPerHostDelay(Duration.ofMillis(150)),
                IngestSettings.defaults())) {
            report = polite.pollOnce(List.of(rss(), atom()), states, seen, published::add);
        }

        assertThat(report.pagesFetched()).isEqualTo(3);
        assertThat(server.maxConcurrentRequests()).isEqualTo(1);
        // robots.txt, 2 feeds and 3 pages on one host: at least 5 pauses.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    private FeedSource rss() {
        return new FeedSource(server.url("/feeds/trade.rss"), "Trade Desk", FeedType.AUTO, null);
    }

    private FeedSource atom() {
        return new FeedSource(server.url("/feeds/chips.atom"), "Chip Policy Watch", FeedType.AUTO, null);
    }

    private FeedSource listing() {
        return new FeedSource(server.url("/press/index.html"), "Press releases", FeedType.HTML, "ul.releases a");
    }

    private FeedSource feed(String path) {
        return FeedSource.feed(server.url(path));
    }

    private String article(String name) {
        return server.url("/articles/" + name + ".html");
    }

    private void serveSite() {
        server.serve("/feeds/trade.rss", "application/rss+xml; charset=utf-8", fixture("feeds/trade.rss"));
        server.serve("/feeds/mixed.rss", "application/rss+xml", fixture("feeds/mixed.rss"));
        server.serve("/feeds/chips.atom", "application/atom+xml", fixture("feeds/chips.atom"));
        server.serve("/feeds/malformed.xml", "application/xml", fixture("feeds/malformed.xml"));
        server.serve("/press/index.html", "text/html; charset=utf-8", fixture("press/index.html"));
        server.serve("/files/licence-report.pdf", "application/pdf", "%PDF-1.7 not really");
        for (String name : ARTICLES) {
            server.serve("/articles/" + name + ".html", "text/html; charset=utf-8", fixture("articles/" + name + ".html"));
        }
    }

    private String fixture(String path) {
        try (InputStream in = IngesterTest.class.getResourceAsStream("site/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("{{base}}", server.base());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
