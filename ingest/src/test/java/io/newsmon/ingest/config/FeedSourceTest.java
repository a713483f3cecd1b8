package io.newsmon.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FeedSourceTest {

    @Test
    void defaultsTheNameToTheHostAndTheTypeToAuto() {
        FeedSource feed = new FeedSource(" https://www.example.org/rss.xml ", " ", null, null);

        assertThat(feed).isEqualTo(new FeedSource("https://www.example.org/rss.xml", "www.example.org", FeedType.AUTO, null));
        assertThat(FeedSource.feed("https://www.example.org/rss.xml")).isEqualTo(feed);
    }

    @Test
    void refusesRelativeAndNonHttpUrls() {
        assertThatThrownBy(() -> FeedSource.feed("/rss.xml")).hasMessage("url \"/rss.xml\" is not an absolute URL: it needs http:// or https://");
        assertThatThrownBy(() -> FeedSource.feed("file:///etc/feed.xml")).hasMessage("url \"file:///etc/feed.xml\" is not an http(s) URL");
        assertThatThrownBy(() -> FeedSource.feed("https://exa mple.org/")).hasMessageStartingWith("url \"https://exa mple.org/\" is not a valid URL");
        assertThatThrownBy(() -> FeedSource.feed(null)).hasMessageStartingWith("url is missing");
    }

    @Test
    void refusesALinkSelectorOnAFeedOfTypeAuto() {
        assertThatThrownBy(() -> new FeedSource("https://example.org/news/", null, FeedType.AUTO, "ul a"))
                .hasMessageContaining("add type: html");
    }
}
