package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The status and {@code Retry-After} that a failed fetch carries. */
class RetryAfterTest {
    private static final Instant NOW = Instant.parse("2024-05-08T12:00:00Z");

    private LocalServer server;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        fetcher = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        fetcher.close();
        server.close();
    }

    @Test
    void carriesTheDelayOfA429AndNamesItInTheReason() {
        answer("/feed.xml", 429, "120");

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/feed.xml"));

        assertThat(failed.reason()).isEqualTo("HTTP status 429 from " + server.url("/feed.xml") + " (Retry-After 120 s)");
        assertThat(failed.status()).isEqualTo(429);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(120));
        assertThat(failed.throttled()).isTrue();
    }

    @Test
    void measuresAnHttpDateAgainstTheClock() {
        answer("/feed.xml", 503, DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC)));

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/feed.xml"));

        assertThat(failed.reason()).isEqualTo("HTTP status 503 from " + server.url("/feed.xml") + " (Retry-After 90 s)");
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        assertThat(failed.throttled()).isTrue();
    }

    @Test
    void ignoresARetryAfterItCannotRead() {
        answer("/feed.xml", 503, "-5");

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/feed.xml"));

        assertThat(failed.reason()).isEqualTo("HTTP status 503 from " + server.url("/feed.xml"));
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.retryAfter()).isNull();
        assertThat(failed.throttled()).isFalse();
    }

    @Test
    void readsRetryAfterOnAnyStatusThatIsNotSuccess() {
        answer("/feed.xml", 500, "30");

        FetchResult.Failed failed = (FetchResult.Failed) fetcher.fetch(server.url("/feed.xml"));

        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    }

    private void answer(String path, int status, String retryAfter) {
        server.route(path, exchange -> {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
            LocalServer.send(exchange, status, "text/plain", "slow down".getBytes(StandardCharsets.UTF_8));
        });
    }
}
