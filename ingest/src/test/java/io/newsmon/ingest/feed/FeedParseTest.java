package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParseTest {

    @Test
    void sortsTheSitemapsOfAnIndexNewestFirstAndThoseWithoutADateLastInTheirOrder() {
        FeedParse.SitemapRef undatedA = new FeedParse.SitemapRef("https://a.example/pages-a.xml", null);
        FeedParse.SitemapRef april = new FeedParse.SitemapRef("https://a.example/2024-04.xml", Instant.parse("2024-04-30T00:00:00Z"));
        FeedParse.SitemapRef undatedB = new FeedParse.SitemapRef("https://a.example/pages-b.xml", null);
        FeedParse.SitemapRef may = new FeedParse.SitemapRef("https://a.example/2024-05.xml", Instant.parse("2024-05-08T00:00:00Z"));

        FeedParse.SitemapIndex index = new FeedParse.SitemapIndex(List.of(undatedA, april, undatedB, may));

        assertThat(index.sitemaps()).containsExactly(may, april, undatedA, undatedB);
    }

    @Test
    void entriesHaveNoTtlUnlessTheFeedGivesAPositiveOne() {
        assertThat(new FeedParse.Entries(List.of()).ttl()).isNull();
        assertThatThrownBy(() -> new FeedParse.Entries(List.of(), Duration.ZERO))
                .hasMessage("ttl PT0S must be positive, or null when the feed gives none");
    }

    @Test
    void aSitemapRefNeedsAUrl() {
        assertThatThrownBy(() -> new FeedParse.SitemapRef(" ", null)).hasMessageStartingWith("sitemap url is missing");
    }
}
