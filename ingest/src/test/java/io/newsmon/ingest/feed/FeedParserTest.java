package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedParserTest {

    @Test
    void readsRss2EntriesWithPlainTextSummaries() {
        List<FeedEntry> entries = entries("trade-news.rss", "application/rss+xml", "https://trade-desk.example.org/rss.xml");

        assertThat(entries.get(0)).isEqualTo(new FeedEntry(
                "Commerce tightens licence rules for Huawei suppliers",
                "https://trade-desk.example.org/2024/05/huawei-licence-rules.html?utm_source=rss&utm_medium=feed",
                Instant.parse("2024-05-07T14:30:00Z"),
                "The Bureau of Industry and Security revoked several licences that let US firms ship chips to Huawei. "
                        + "Suppliers have 30 days to comply & report.",
                "Dana Whitfield"));
    }

    @Test
    void resolvesRelativeLinksSkipsEntriesWithoutOneAndKeepsEachArticleOnce() {
        List<FeedEntry> entries = entries("trade-news.rss", "application/rss+xml", "https://trade-desk.example.org/rss.xml");

        assertThat(entries).extracting(FeedEntry::link).containsExactly(
                "https://trade-desk.example.org/2024/05/huawei-licence-rules.html?utm_source=rss&utm_medium=feed",
                "https://trade-desk.example.org/2024/05/entity-list-additions.html",
                "https://trade-desk.example.org/2024/05/export-waivers.html");
    }

    @Test
    void readsAtomEntries() {
        List<FeedEntry> entries = entries("policy.atom", "application/atom+xml", "https://chips.example.net/atom.xml");

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0)).isEqualTo(new FeedEntry(
                "Huawei\u2019s new handset puzzles export control analysts",
                "https://chips.example.net/articles/huawei-handset-analysis",
                Instant.parse("2024-05-08T08:15:00Z"),
                "Teardowns show a 7 nm chip made in China.",
                "Priya Raman"));
        assertThat(entries.get(1).published()).isEqualTo(Instant.parse("2024-05-07T16:45:00Z"));
        assertThat(entries.get(1).summary()).isEqualTo("A plain-text summary with extra spaces.");
        assertThat(entries.get(1).author()).isNull();
    }

    @Test
    void readsRss1() {
        List<FeedEntry> entries = entries("chips.rdf", "application/rdf+xml", "https://semis.example.com/index.rdf");

        assertThat(entries).containsExactly(new FeedEntry("Foundry rule changes after the Huawei ruling",
                "https://semis.example.com/notes/foundry-rules.html", Instant.parse("2024-05-03T11:20:00Z"),
                "Foreign direct product rule, explained.", "Ana Lindqvist"));
    }

    @Test
    void readsRss091InTheEncodingOfItsXmlDeclaration() {
        List<FeedEntry> entries = entries("legacy.rss", "text/xml", "http://bulletin.example.org/rss.xml");

        assertThat(entries).extracting(FeedEntry::title).containsExactly("Café talks: EU and US align on chip export checks");
    }

    @Test
    void readsAtom03EntriesWithTheirOwnFields() {
        List<FeedEntry> entries = Fixtures.entries("policy-watch-0.3.atom", "application/atom+xml", "https://chips.example.net/atom03.xml");

        assertThat(entries).containsExactly(
                new FeedEntry("Licences for Huawei laptop chips revoked", "https://chips.example.net/articles/laptop-chip-licences",
                        Instant.parse("2024-05-08T18:40:00Z"),
                        "Two US chipmakers lose the licences that let them sell processors to Huawei.", "Priya Raman"),
                new FeedEntry("What revoked means for suppliers", "https://chips.example.net/articles/revocation-explainer",
                        Instant.parse("2024-05-08T12:00:00Z"),
                        "Shipments already licensed may continue until the notice date.", "Chip Policy Watch desk"));
    }

    @Test
    void takesTheTimeToLiveOfAnRssFeedInMinutes() {
        FeedParse.Entries withTtl = Fixtures.entries(FeedParser.parse(Fixtures.bytes("trade-wire-ttl.rss"), "application/rss+xml",
                "https://wire.example.com/rss"));
        FeedParse.Entries withoutTtl = Fixtures.entries(parse("trade-news.rss", "application/rss+xml", "https://trade-desk.example.org/rss.xml"));

        assertThat(withTtl.ttl()).isEqualTo(Duration.ofMinutes(45));
        assertThat(withTtl.entries()).extracting(FeedEntry::link).containsExactly("https://wire.example.com/2024/05/09/bis-guidance");
        assertThat(withoutTtl.ttl()).isNull();
    }

    @Test
    void saysWhenAnOpmlSubscriptionListIsServedInsteadOfAFeed() {
        FeedParse parse = FeedParser.parse(Fixtures.bytes("subscriptions.opml"), "text/xml", "https://a.example/subs.opml");

        assertThat(parse).isEqualTo(new FeedParse.NotAFeed("https://a.example/subs.opml is an OPML subscription list, "
                + "not a feed: import its feeds into the feeds file instead"));
    }

    @Test
    void unpacksGzipCompressedDocumentsWhateverTheyHold() {
        FeedParse sitemap = FeedParser.parse(Fixtures.gzip(Fixtures.bytes("news-sitemap.xml")), "application/x-gzip",
                "https://www.tradetimes.example/sitemaps/news.xml.gz");
        FeedParse rss = FeedParser.parse(Fixtures.gzip(Fixtures.bytes("trade-wire-ttl.rss")), "application/octet-stream",
                "https://wire.example.com/rss.gz");

        assertThat(Fixtures.entries(sitemap).entries()).hasSize(3)
                .first().extracting(FeedEntry::link)
                .isEqualTo("https://www.tradetimes.example/world/2024/05/08/us-revokes-huawei-chip-licences");
        assertThat(Fixtures.entries(rss).ttl()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void refusesGzipThatUnpacksBeyondTheLimitOrIsBroken() {
        byte[] bomb = Fixtures.gzip(new byte[FeedParser.MAX_UNPACKED_BYTES + 1]);

        assertThat(Fixtures.notAFeed(FeedParser.parse(bomb, "application/gzip", "https://evil.example/sitemap.xml.gz")))
                .isEqualTo("https://evil.example/sitemap.xml.gz unpacks to more than 52428800 bytes: "
                        + "a gzip-compressed feed or sitemap may hold at most 50 MiB");
        byte[] truncated = java.util.Arrays.copyOf(Fixtures.gzip(Fixtures.bytes("news-sitemap.xml")), 40);
        assertThat(Fixtures.notAFeed(FeedParser.parse(truncated, "application/gzip", "https://a.example/sitemap.xml.gz")))
                .startsWith("https://a.example/sitemap.xml.gz is gzip-compressed but cannot be unpacked: ");
    }

    @Test
    void toleratesLeadingWhitespaceAndHtmlEntitiesAsRealFeedsHaveThem() {
        String rss = "\n  <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Desk</title>"
                + "<link>https://a.example/</link><description>d</description><item>"
                + "<title>Huawei&nbsp;&mdash; chips</title><link>https://a.example/x</link></item></channel></rss>";

        FeedParse parse = FeedParser.parse(rss.getBytes(StandardCharsets.UTF_8), "text/xml", "https://a.example/rss");

        assertThat(parse).isEqualTo(new FeedParse.Entries(List.of(
                new FeedEntry("Huawei \u2014 chips", "https://a.example/x", null, null, null))));
    }

    @Test
    void refusesExternalEntities() {
        FeedParse parse = parse("xxe.rss", "application/rss+xml", "https://evil.example/rss.xml");

        assertThat(parse).isInstanceOf(FeedParse.NotAFeed.class);
        assertThat(((FeedParse.NotAFeed) parse).reason())
                .startsWith("https://evil.example/rss.xml is not a valid RSS or Atom feed")
                .contains("DOCTYPE")
                .doesNotContain("root:");
    }

    @Test
    void refusesEntityExpansionQuickly() {
        long start = System.nanoTime();

        FeedParse parse = parse("billion-laughs.rss", "application/rss+xml", "https://evil.example/rss.xml");

        assertThat(parse).isInstanceOf(FeedParse.NotAFeed.class);
        assertThat(((FeedParse.NotAFeed) parse).reason()).contains("DOCTYPE");
        // Expanding the entities would take minutes and gigabytes; refusing them takes milliseconds.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void saysWhenAnHtmlPageIsServedInsteadOfAFeed() {
        FeedParse parse = parse("section-front.html", "text/html; charset=utf-8", "https://commerce.example.gov/press/");

        assertThat(parse).isEqualTo(new FeedParse.NotAFeed("https://commerce.example.gov/press/ is an HTML page, not an RSS or Atom feed"));
    }

    @Test
    void tellsFeedsFromHtmlByTheContentWhateverTheContentType() {
        assertThat(parse("section-front.html", "application/xml", "https://commerce.example.gov/press/"))
                .isEqualTo(new FeedParse.NotAFeed("https://commerce.example.gov/press/ is an HTML page, not an RSS or Atom feed"));
        assertThat(parse("trade-news.rss", "text/html", "https://trade-desk.example.org/rss.xml"))
                .isInstanceOf(FeedParse.Entries.class);
    }

    @Test
    void reportsMalformedXml() {
        FeedParse parse = parse("malformed.rss", "application/rss+xml", "https://broken.example/rss.xml");

        assertThat(parse).isInstanceOf(FeedParse.NotAFeed.class);
        assertThat(((FeedParse.NotAFeed) parse).reason()).startsWith("https://broken.example/rss.xml is not a valid RSS or Atom feed: ");
    }

    @Test
    void reportsXmlThatIsNotAFeedNamingItsRootElement() {
        byte[] catalog = "<?xml version=\"1.0\"?><!-- <rss> --><catalog><book/></catalog>".getBytes(StandardCharsets.UTF_8);

        assertThat(FeedParser.parse(catalog, "application/xml", "https://a.example/books.xml"))
                .isEqualTo(new FeedParse.NotAFeed("https://a.example/books.xml is XML with the root element <catalog>, "
                        + "not a feed or sitemap: expected rss, rdf:RDF, feed, urlset or sitemapindex"));
        assertThat(FeedParser.parse(new byte[0], "application/xml", "https://a.example/empty.xml"))
                .isEqualTo(new FeedParse.NotAFeed("https://a.example/empty.xml is empty, not a feed or sitemap"));
        assertThat(FeedParser.parse(" \n".getBytes(StandardCharsets.UTF_8), null, "https://a.example/blank.xml"))
                .isEqualTo(new FeedParse.NotAFeed("https://a.example/blank.xml is empty, not a feed or sitemap"));
    }

    private static List<FeedEntry> entries(String fixture, String contentType, String feedUrl) {
        FeedParse parse = parse(fixture, contentType, feedUrl);
        assertThat(parse).isInstanceOf(FeedParse.Entries.class);
        return ((FeedParse.Entries) parse).entries();
    }

    private static FeedParse parse(String fixture, String contentType, String feedUrl) {
        return FeedParser.parse(bytes(fixture), contentType, feedUrl);
    }

    static byte[] bytes(String fixture) {
        try (InputStream in = FeedParserTest.class.getResourceAsStream(fixture)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
