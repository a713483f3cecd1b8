package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PoliteFetcher} around the real {@link HttpFetcher}, against a local server. */
class PoliteFetcherHttpTest {
    private static final String TEXT = "text/plain; charset=utf-8";

    private LocalServer server;
    private HttpFetcher http;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        http = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void readsRobotsTxtOnceAndRefusesWhatItDisallows() {
        server.serve("/robots.txt", TEXT, "User-agent: newsmon\nDisallow: /private/\n")
                .serve("/a.html", TEXT, "a").serve("/b.html", TEXT, "b").serve("/private/c.html", TEXT, "c");
        PoliteFetcher polite = new PoliteFetcher(http::fetch, PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO),
                Clock.systemUTC());

        FetchResult a = polite.fetch(server.url("/a.html"));
        FetchResult b = polite.fetch(server.url("/b.html"));
        FetchResult c = polite.fetch(server.url("/private/c.html"));

        assertThat(List.of(a, b)).allMatch(result -> result instanceof FetchResult.Fetched);
        assertThat(((FetchResult.Failed) c).reason())
                .isEqualTo("robots.txt of " + server.base().substring("http://".length()) + " disallows /private/c.html for user agent newsmon");
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(server.hits("/private/c.html")).isZero();
    }

    @Test
    void asksAHostOneRequestAtATimeWithThePerHostDelayBetween() throws Exception {
        server.serve("/robots.txt", TEXT, "User-agent: *\nDisallow:\n");
        for (String path : List.of("/x", "/y", "/z")) {
            server.route(path, exchange -> {
                ScriptedFetch.sleep(20);
                LocalServer.send(exchange, 200, TEXT, path.getBytes(StandardCharsets.UTF_8));
            });
        }
        PoliteFetcher polite = new PoliteFetcher(http::fetch, PolitenessSettings.defaults().withPerHostDelay(Duration.ofMillis(100)),
                Clock.systemUTC());

        long start = System.nanoTime();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<FetchResult>> results = List.of(
                    threads.submit(() -> polite.fetch(server.url("/x"))),
                    threads.submit(() -> polite.fetch(server.url("/y"))),
                    threads.submit(() -> polite.fetch(server.url("/z"))));
            for (Future<FetchResult> result : results) {
                result.get();
            }
        }

        assertThat(server.maxConcurrentRequests()).isEqualTo(1);
        assertThat(server.hits("/x") + server.hits("/y") + server.hits("/z")).isEqualTo(3);
        // robots.txt and three pages: three pauses of 100 ms at least
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
