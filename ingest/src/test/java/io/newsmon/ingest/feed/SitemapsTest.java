package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitemapsTest {
    private static final String NEWS_SITEMAP = "https://www.tradetimes.example/sitemaps/news.xml";

    @TempDir
    Path dir;

    @Test
    void takesTitleAndDateFromTheNewsExtensionElseTheLastModified() {
        List<FeedEntry> entries = Fixtures.entries("news-sitemap.xml", "application/xml", NEWS_SITEMAP);

        assertThat(entries).containsExactly(
                new FeedEntry("US revokes Huawei chip licences & tightens rules",
                        "https://www.tradetimes.example/world/2024/05/08/us-revokes-huawei-chip-licences",
                        Instant.parse("2024-05-08T19:42:00Z"), null, null),
                new FeedEntry("Suppliers react to the licence decision",
                        "https://www.tradetimes.example/business/2024/05/08/suppliers-react",
                        Instant.parse("2024-05-08T20:05:00Z"), null, null),
                new FeedEntry(null, "https://markets.tradetimes.example/2024/05/07/chip-stocks-fall",
                        Instant.parse("2024-05-07T14:30:00Z"), null, null));
    }

    @Test
    void readsAPlainSitemapWithoutTitles() {
        List<FeedEntry> entries = Fixtures.entries("pages-sitemap.xml", "text/xml; charset=UTF-8", "https://policy.example.org/sitemap.xml");

        assertThat(entries).containsExactly(
                new FeedEntry(null, "https://policy.example.org/briefings/entity-list-explained", Instant.parse("2024-05-02T00:00:00Z"), null, null),
                new FeedEntry(null, "https://policy.example.org/briefings/foreign-direct-product-rule", null, null, null));
    }

    @Test
    void listsTheSitemapsOfAnIndexNewestFirstEachOnce() {
        FeedParse parse = FeedParser.parse(Fixtures.bytes("sitemap-index.xml"), "application/xml", "https://www.tradetimes.example/sitemap.xml");

        assertThat(parse).isEqualTo(new FeedParse.SitemapIndex(List.of(
                new FeedParse.SitemapRef("https://www.tradetimes.example/sitemaps/news.xml", Instant.parse("2024-05-08T21:00:00Z")),
                new FeedParse.SitemapRef("https://www.tradetimes.example/sitemaps/2024-05.xml.gz", Instant.parse("2024-05-08T20:00:00Z")),
                new FeedParse.SitemapRef("https://www.tradetimes.example/sitemaps/2024-04.xml.gz", Instant.parse("2024-04-30T23:59:00Z")),
                new FeedParse.SitemapRef("https://www.tradetimes.example/sitemaps/static-pages.xml", null))));
    }

    @Test
    void readsATextSitemapSkippingLinesThatAreNotUrls() {
        List<FeedEntry> entries = Fixtures.entries("briefings-sitemap.txt", "text/plain", "https://policy.example.org/sitemap.txt");

        assertThat(entries).extracting(FeedEntry::link).containsExactly(
                "https://policy.example.org/briefings/entity-list-explained",
                "https://policy.example.org/briefings/foreign-direct-product-rule");
    }

    @Test
    void doesNotReadLocalFilesThroughExternalEntities() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-7731");
        byte[] sitemap = new String(Fixtures.bytes("sitemap-xxe.xml"), StandardCharsets.UTF_8)
                .replace("{{secret-file}}", secret.toUri().toString()).getBytes(StandardCharsets.UTF_8);

        FeedParse parse = FeedParser.parse(sitemap, "application/xml", "https://evil.example/sitemap.xml");

        assertThat(parse.toString()).doesNotContain("TOP-SECRET-7731");
        assertThat(Fixtures.notAFeed(parse)).isEqualTo("https://evil.example/sitemap.xml is not a valid sitemap: "
                + "it declares a DOCTYPE, which is refused because entities could read local files or expand without bound");
    }

    @Test
    void refusesEntityExpansionQuickly() {
        long start = System.nanoTime();

        FeedParse parse = FeedParser.parse(Fixtures.bytes("sitemap-billion-laughs.xml"), "application/xml", "https://evil.example/sitemap.xml");

        assertThat(Fixtures.notAFeed(parse)).contains("DOCTYPE");
        // Expanding the entities would take minutes and gigabytes; refusing them takes milliseconds.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void reportsAMalformedSitemap() {
        byte[] broken = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://a.example/x</loc></urlset>"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(Fixtures.notAFeed(FeedParser.parse(broken, "application/xml", "https://a.example/sitemap.xml")))
                .startsWith("https://a.example/sitemap.xml is not a valid sitemap: ")
                .contains("url");
    }
}
