package io.newsmon.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlResolverTest {
    private static final String FEED = "https://example.org/news/feed.xml";

    @Test
    void resolvesRelativeLinksAgainstTheDocument() {
        assertThat(UrlResolver.resolve(FEED, "../articles/huawei.html")).contains("https://example.org/articles/huawei.html");
        assertThat(UrlResolver.resolve(FEED, "2024/entity-list.html")).contains("https://example.org/news/2024/entity-list.html");
        assertThat(UrlResolver.resolve(FEED, "//cdn.example.net/a")).contains("https://cdn.example.net/a");
    }

    @Test
    void keepsAbsoluteLinks() {
        assertThat(UrlResolver.resolve(FEED, "http://other.example/a?id=1")).contains("http://other.example/a?id=1");
    }

    @Test
    void resolvesAgainstABaseWithoutPath() {
        assertThat(UrlResolver.resolve("https://example.org", "a.html")).contains("https://example.org/a.html");
    }

    @Test
    void encodesCharactersThatMayNotAppearRaw() {
        assertThat(UrlResolver.resolve(FEED, "/articles/a b é.html")).contains("https://example.org/articles/a%20b%20%C3%A9.html");
    }

    @Test
    void dropsLinksThatAreNotHttp() {
        assertThat(UrlResolver.resolve(FEED, "mailto:desk@example.org")).isEmpty();
        assertThat(UrlResolver.resolve(FEED, "javascript:void(0)")).isEmpty();
        assertThat(UrlResolver.resolve(FEED, "  ")).isEmpty();
        assertThat(UrlResolver.resolve(FEED, null)).isEmpty();
    }
}
