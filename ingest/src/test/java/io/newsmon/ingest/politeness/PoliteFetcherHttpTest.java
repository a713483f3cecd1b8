package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import java.io.IOException;
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
    private HostServer server;
    private HttpFetcher http;

    @BeforeEach
    void start() throws IOException {
        server = new HostServer(20);
        http = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
    }

    @AfterEach
    void stop() {
        http.close();
        server.close();
    }

    @Test
    void readsRobotsTxtOnceAndRefusesWhatItDisallows() {
        server.serve("/robots.txt", "User-agent: newsmon\nDisallow: /private/\n")
                .serve("/a.html", "a").serve("/b.html", "b").serve("/private/c.html", "c");
        PoliteFetcher polite = new PoliteFetcher(http::fetch, PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO),
                Clock.systemUTC());

        FetchResult a = polite.fetch(server.url("/a.html"));
        FetchResult b = polite.fetch(server.url("/b.html"));
        FetchResult c = polite.fetch(server.url("/private/c.html"));

        assertThat(List.of(a, b)).allMatch(result -> result instanceof FetchResult.Fetched);
        assertThat(((FetchResult.Failed) c).reason())
                .isEqualTo("robots.txt of " + server.authority() + " disallows /private/c.html for user agent newsmon");
        assertThat(server.hits("/robots.txt")).isEqualTo(1);
        assertThat(server.hits("/private/c.html")).isZero();
    }

    @Test
    void asksAHostOneRequestAtATimeWithThePerHostDelayBetween() throws Exception {
        server.serve("/robots.txt", "User-agent: *\nDisallow:\n");
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
