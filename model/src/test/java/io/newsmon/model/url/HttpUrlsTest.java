package io.newsmon.model.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class HttpUrlsTest {
    @Test
    void httpAndHttpsAreTheSchemesInAnyCase() {
        assertThat(HttpUrls.isHttpScheme("http")).isTrue();
        assertThat(HttpUrls.isHttpScheme("HTTPS")).isTrue();
        assertThat(HttpUrls.isHttpScheme("ftp")).isFalse();
        assertThat(HttpUrls.isHttpScheme("httpx")).isFalse();
        assertThat(HttpUrls.isHttpScheme("http\u017f")).as("a long s is no s").isFalse();
        assertThat(HttpUrls.isHttpScheme("")).isFalse();
        assertThat(HttpUrls.isHttpScheme(null)).isFalse();
    }

    @Test
    void aUriIsHttpWhenItsSchemeIsAndItHasAHost() {
        assertThat(HttpUrls.isHttp(URI.create("https://example.org/rss"))).isTrue();
        assertThat(HttpUrls.isHttp(URI.create("Http://127.0.0.1:8080"))).isTrue();
        assertThat(HttpUrls.isHttp(URI.create("http:/no/host"))).isFalse();
        assertThat(HttpUrls.isHttp(URI.create("http:opaque"))).isFalse();
        assertThat(HttpUrls.isHttp(URI.create("/relative/path"))).isFalse();
        assertThat(HttpUrls.isHttp(URI.create("mailto:desk@example.org"))).isFalse();
        assertThat(HttpUrls.isHttp(URI.create("file:///etc/passwd"))).isFalse();
    }

    @Test
    void aTextStartsWithHttpWhenItBeginsWithTheSchemeAndTwoSlashesInAnyCase() {
        assertThat(HttpUrls.startsWithHttp("http://example.org/a b")).isTrue();
        assertThat(HttpUrls.startsWithHttp("HTTPS://example.org/")).isTrue();
        assertThat(HttpUrls.startsWithHttp("http:example.org")).isFalse();
        assertThat(HttpUrls.startsWithHttp("http\u017f://example.org/")).isFalse();
        assertThat(HttpUrls.startsWithHttp(" https://example.org/")).as("not stripped").isFalse();
        assertThat(HttpUrls.startsWithHttp("tag:example.org,2024:1")).isFalse();
        assertThat(HttpUrls.startsWithHttp("http")).isFalse();
        assertThat(HttpUrls.startsWithHttp(null)).isFalse();
    }
}
