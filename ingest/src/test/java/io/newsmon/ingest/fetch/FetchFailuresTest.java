package io.newsmon.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FetchFailuresTest {
    private static final URI FEED = URI.create("https://news.example.org:8443/feed.xml");

    @Test
    void namesTheHostAndTheSettingOfAConnectTimeout() {
        assertThat(FetchFailures.describe(FEED, new HttpConnectTimeoutException("HTTP connect timed out"), FetchSettings.defaults()))
                .isEqualTo("could not connect to news.example.org:8443 within 10 s (fetch connectTimeout)");
    }

    @Test
    void namesTheHostOfARefusedConnection() {
        assertThat(FetchFailures.describe(FEED, new ConnectException(), FetchSettings.defaults()))
                .isEqualTo("could not connect to news.example.org:8443 (connection refused)");
    }

    @Test
    void saysWhetherTheServerFellSilentBeforeOrDuringTheBody() {
        assertThat(FetchFailures.silent(FEED, Duration.ofSeconds(15), false))
                .isEqualTo("news.example.org:8443 sent no response within 15 s (fetch readTimeout) for " + FEED);
        assertThat(FetchFailures.silent(FEED, Duration.ofMillis(1500), true))
                .isEqualTo("news.example.org:8443 sent nothing for 1500 ms in the middle of the body (fetch readTimeout) of " + FEED);
    }

    @Test
    void mentionsRetryAfterOnlyWhenTheServerSentOne() {
        URI feed = URI.create("http://h/feed");

        assertThat(FetchFailures.status(feed, 429, Duration.ofSeconds(120))).isEqualTo("HTTP status 429 from http://h/feed (Retry-After 120 s)");
        assertThat(FetchFailures.status(feed, 503, null)).isEqualTo("HTTP status 503 from http://h/feed");
    }
}
