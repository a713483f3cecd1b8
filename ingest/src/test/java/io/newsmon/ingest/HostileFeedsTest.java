package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of hostile or broken feed, served from a local server next to a good feed: each gets a clear
 * error on its own feed state, and the good feed is read and its article published all the same.
 */
class HostileFeedsTest {
    private static final String GOOD_FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Good</title>"
            + "<link>{{base}}/</link><description>d</description><item><title>Caf\u00e9 policy</title>"
            + "<link>{{base}}/article.html</link></item></channel></rss>";

    private final Queue<RawPage> published = new ConcurrentLinkedQueue<>();
    private final InMemoryFeedStates states = new InMemoryFeedStates();
    private final InMemorySeenIds seen = new InMemorySeenIds();
    private LocalServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.serve("/good.rss", "application/rss+xml; charset=iso-8859-1", GOOD_FEED.replace("{{base}}", server.base())
                .getBytes(StandardCharsets.ISO_8859_1));
        server.serve("/article.html", "text/html", "<html><body><p>Huawei and export licences.</p></body></html>");
        server.route("/silent.rss", exchange -> sleep(5_000));
        server.route("/trickle.rss", HostileFeedsTest::trickle);
        server.serve("/huge.rss", "application/rss+xml", new byte[200_000]);
        server.route("/bomb.rss", HostileFeedsTest::gzipBomb);
        server.redirect("/loop-a.rss", 302, "/loop-b.rss").redirect("/loop-b.rss", 302, "/loop-a.rss");
        server.redirect("/hop1.rss", 301, "/hop2.rss").redirect("/hop2.rss", 301, "/hop3.rss")
                .redirect("/hop3.rss", 301, "/hop4.rss").redirect("/hop4.rss", 301, "/hop5.rss");
        server.serve("/xxe.rss", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM "
                + "\"file:///etc/passwd\">]><rss version=\"2.0\"><channel><title>&x;</title></channel></rss>");
        server.serve("/laughs.rss", "application/rss+xml", "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><rss version=\"2.0\"><channel>"
                + "<title>&lol2;</title></channel></rss>");
        server.serve("/page.rss", "text/html", "<!doctype html><html><head><title>News</title></head><body>x</body></html>");
        server.serve("/robots.txt", "text/plain", "User-agent: *\nDisallow: /private/\n");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void eachBrokenFeedHasAClearErrorOnItsStateAndTheGoodFeedGoesOn() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("/silent.rss", "sent no response within 300 ms (fetch readTimeout)");
        expected.put("/trickle.rss", "did not send a complete response within 1 s (fetch requestTimeout)");
        expected.put("/huge.rss", "is larger than the limit of 65536 bytes (fetch maxBodyBytes)");
        expected.put("/bomb.rss", "the decompressed body is larger than the limit of 65536 bytes (fetch maxBodyBytes)");
        expected.put("/loop-a.rss", "redirect loop");
        expected.put("/hop1.rss", "more than 3 redirects (fetch maxRedirects)");
        expected.put("/xxe.rss", "it declares a DOCTYPE, which is refused");
        expected.put("/laughs.rss", "it declares a DOCTYPE, which is refused");
        expected.put("/page.rss", "is an HTML page");
        expected.put("/private/feed.rss", "robots.txt of 127.0.0.1:" + port() + " disallows /private/feed.rss");
        List<FeedSource> feeds = new ArrayList<>(expected.keySet().stream()
                .map(path -> FeedSource.feed(server.url(path))).toList());
        feeds.add(FeedSource.feed(server.url("/good.rss")));

        IngestReport report;
        try (Ingester ingester = ingester(strictFetch().withAllowPrivateAddresses(true))) {
            report = ingester.pollOnce(feeds, states, seen, published::add);
        }

        expected.forEach((path, message) -> {
            FeedState state = states.get(server.url(path)).orElseThrow();
            assertThat(state.lastErrorMessage()).as(path).contains(message);
            assertThat(state.consecutiveFailures()).as(path).isEqualTo(1);
        });
        assertThat(report.feedsFailed()).isEqualTo(expected.size());
        FeedState good = states.get(server.url("/good.rss")).orElseThrow();
        assertThat(good.healthy()).isTrue();
        assertThat(published).singleElement().satisfies(page -> {
            assertThat(page.url()).isEqualTo(server.url("/article.html"));
            assertThat(page.entry().title()).as("decoded with the header's charset").isEqualTo("Caf\u00e9 policy");
        });
    }

    @Test
    void aPrivateAddressIsRefusedByDefaultWithTheSwitchToAllowIt() {
        try (Ingester ingester = ingester(strictFetch())) {
            ingester.pollOnce(List.of(FeedSource.feed(server.url("/good.rss"))), states, seen, published::add);
        }

        FeedState state = states.get(server.url("/good.rss")).orElseThrow();
        assertThat(state.lastErrorMessage()).contains("resolves to 127.0.0.1, a loopback address")
                .contains("--allow-private-addresses");
        assertThat(published).isEmpty();
        assertThat(server.hits("/good.rss")).isZero();
    }

    @Test
    void aHostThatAnswers429IsDeferredWhileOtherHostsGoOn() throws IOException {
        HttpServer busy = HttpServer.create(new InetSocketAddress("127.0.0.2", 0), 0);
        busy.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Retry-After", "120");
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/robots.txt") ? 404 : 429, -1);
            exchange.close();
        });
        busy.start();
        String busyFeed = "http://127.0.0.2:" + busy.getAddress().getPort() + "/feed.rss";
        try (Ingester ingester = ingester(strictFetch().withAllowPrivateAddresses(true))) {
            ingester.pollOnce(List.of(FeedSource.feed(busyFeed), FeedSource.feed(server.url("/good.rss"))), states, seen,
                    published::add);
        } finally {
            busy.stop(0);
        }

        FeedState deferred = states.get(busyFeed).orElseThrow();
        assertThat(deferred.lastErrorMessage()).contains("HTTP status 429").contains("Retry-After 120 s");
        assertThat(Duration.between(deferred.lastPoll(), deferred.nextPoll())).isGreaterThanOrEqualTo(Duration.ofSeconds(120));
        assertThat(published).hasSize(1);
    }

    private Ingester ingester(FetchSettings fetch) {
        return new Ingester(new HttpFetcher(fetch), PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO),
                IngestSettings.defaults(), Clock.systemUTC());
    }

    private static FetchSettings strictFetch() {
        FetchSettings d = FetchSettings.defaults();
        return new FetchSettings(Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(1), 65_536, 3,
                d.userAgent(), false);
    }

    private int port() {
        return Integer.parseInt(server.base().substring(server.base().lastIndexOf(':') + 1));
    }

    private static void trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (int i = 0; i < 30; i++) {
            out.write(' ');
            out.flush();
            sleep(100);
        }
    }

    private static void gzipBomb(HttpExchange exchange) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(new byte[2_000_000]);
        }
        exchange.getResponseHeaders().add("Content-Encoding", "gzip");
        LocalServer.send(exchange, 200, "application/rss+xml", bytes.toByteArray());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
