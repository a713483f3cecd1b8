package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Validators sent with the request, 304 answers, and the cache hints read from responses. */
class ConditionalGetTest {
    private static final String FEED = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title></channel></rss>";
    private static final String ETAG = "W/\"feed-v7\"";
    private static final String LAST_MODIFIED = "Wed, 08 May 2024 11:00:00 GMT";

    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void sendsTheValidatorsAndReturnsNotModifiedWithoutDecodingABody() {
        server.route("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("ETag", ETAG);
            exchange.getResponseHeaders().add("Cache-Control", "max-age=600");
            // Decoding the (empty) body as gzip would fail: a 304 must not get that far.
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.sendResponseHeaders(304, -1);
        });

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators(ETAG, LAST_MODIFIED));

        assertThat(server.lastRequestHeaders("/feed.xml").getFirst("If-None-Match")).isEqualTo(ETAG);
        assertThat(server.lastRequestHeaders("/feed.xml").getFirst("If-Modified-Since")).isEqualTo(LAST_MODIFIED);
        assertThat(result).isEqualTo(new FetchResult.NotModified(server.url("/feed.xml"),
                new CacheHints(ETAG, LAST_MODIFIED, Duration.ofMinutes(10))));
    }

    @Test
    void takesNewValidatorsFromA304AndKeepsTheSentOnesItLeavesOut() {
        server.route("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("ETag", "\"v8\"");
            exchange.sendResponseHeaders(304, -1);
        });

        FetchResult.NotModified result = (FetchResult.NotModified) fetcher.fetch(server.url("/feed.xml"),
                new Validators(null, LAST_MODIFIED));

        assertThat(server.lastRequestHeaders("/feed.xml").containsKey("If-None-Match")).isFalse();
        assertThat(result.cache()).isEqualTo(new CacheHints("\"v8\"", LAST_MODIFIED, null));
    }

    @Test
    void sendsNoConditionalHeadersWithoutValidators() {
        server.serve("/feed.xml", "application/rss+xml", FEED);

        fetcher.fetch(server.url("/feed.xml"));

        assertThat(server.lastRequestHeaders("/feed.xml").containsKey("If-None-Match")).isFalse();
        assertThat(server.lastRequestHeaders("/feed.xml").containsKey("If-Modified-Since")).isFalse();
    }

    @Test
    void returnsTheCacheHintsOfAChangedPageVerbatim() {
        server.route("/feed.xml", exchange -> {
            exchange.getResponseHeaders().add("ETag", ETAG);
            exchange.getResponseHeaders().add("Last-Modified", LAST_MODIFIED);
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=300, s-maxage=120");
            LocalServer.send(exchange, 200, "application/rss+xml", FEED.getBytes(StandardCharsets.UTF_8));
        });

        FetchResult.Fetched page = (FetchResult.Fetched) fetcher.fetch(server.url("/feed.xml"), new Validators("\"old\"", null));

        assertThat(page.text()).isEqualTo(FEED);
        assertThat(page.cache()).isEqualTo(new CacheHints(ETAG, LAST_MODIFIED, Duration.ofSeconds(120)));
        assertThat(page.cache().validators()).isEqualTo(new Validators(ETAG, LAST_MODIFIED));
    }

    @Test
    void givesNoCacheHintsWhenTheResponseHasNone() {
        server.serve("/feed.xml", "application/rss+xml", FEED);

        assertThat(((FetchResult.Fetched) fetcher.fetch(server.url("/feed.xml"))).cache()).isEqualTo(CacheHints.NONE);
    }

    @Test
    void sendsTheValidatorsToTheFirstUrlOnlyNotToWhereItRedirects() {
        server.redirect("/old.xml", 301, "/new.xml").serve("/new.xml", "application/rss+xml", FEED);

        FetchResult result = fetcher.fetch(server.url("/old.xml"), new Validators(ETAG, LAST_MODIFIED));

        assertThat(server.lastRequestHeaders("/old.xml").getFirst("If-None-Match")).isEqualTo(ETAG);
        assertThat(server.lastRequestHeaders("/new.xml").containsKey("If-None-Match")).isFalse();
        assertThat(server.lastRequestHeaders("/new.xml").containsKey("If-Modified-Since")).isFalse();
        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(result.url()).isEqualTo(server.url("/new.xml"));
    }

    @Test
    void treatsA304ToAnUnconditionalRequestAsAFailure() {
        server.route("/odd.xml", exchange -> exchange.sendResponseHeaders(304, -1));

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/odd.xml"));

        assertThat(failed.reason()).isEqualTo("HTTP status 304 from " + server.url("/odd.xml"));
        assertThat(failed.status()).isEqualTo(304);
    }

    @Test
    void reportsValidatorsThatCannotBeSentInsteadOfThrowing() {
        server.serve("/feed.xml", "application/rss+xml", FEED);

        FetchResult result = fetcher.fetch(server.url("/feed.xml"), new Validators("\"a\"\r\nX-Injected: 1", null));

        assertThat(result).isInstanceOf(FetchResult.Failed.class);
        assertThat(((FetchResult.Failed) result).reason()).startsWith("cannot send a request for " + server.url("/feed.xml"));
        assertThat(server.hits("/feed.xml")).isZero();
    }
}
