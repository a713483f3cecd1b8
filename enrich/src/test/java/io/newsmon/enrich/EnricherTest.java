package io.newsmon.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.enrich.dedup.ContentHash;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.RandomBodies;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.model.ArticleId;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnricherTest {
    private static final Instant FETCHED = Instant.parse("2019-08-19T15:00:00Z");
    private static final String URL = "https://meridian-ledger.example/tech/2019/08/19/huawei-licence-extension";
    private static final FeedEntry ENTRY = new FeedEntry("Feed title", URL, Instant.parse("2019-08-19T14:00:00Z"),
            "Feed summary about Huawei.", "Feed Author");
    private static TopicTagger tagger;

    private final Enricher enricher = new Enricher(new TextExtractor(), new MetadataExtractor(), tagger,
            new Duplicates(Duplicates.DEFAULT_WINDOW));

    @BeforeAll
    static void buildTagger() {
        tagger = new TopicTagger(TopicsFile.bundled());
    }

    @AfterAll
    static void closeTagger() {
        tagger.close();
    }

    @Test
    void freshArticleCarriesMetadataTextHashAndTopics() throws IOException {
        EnrichResult result = enricher.enrich(page(URL, "text/html; charset=utf-8", 200, fixture()));

        assertThat(result).isInstanceOf(EnrichResult.Fresh.class);
        EnrichedArticle article = ((EnrichResult.Fresh) result).article();
        assertThat(article.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
        assertThat(article.id()).isEqualTo(ArticleId.of(URL));
        assertThat(article.url()).isEqualTo(URL);
        assertThat(article.source()).isEqualTo("Meridian Ledger");
        assertThat(article.feedUrl()).isEqualTo("https://meridian-ledger.example/rss");
        assertThat(article.title()).isEqualTo("Huawei wins 90-day extension of US licence");
        assertThat(article.siteName()).isEqualTo("The Meridian Ledger");
        assertThat(article.language()).isEqualTo("en-GB");
        assertThat(article.fetchedAt()).isEqualTo(FETCHED);
        assertThat(article.discoveredAt()).isEqualTo(FETCHED.minusSeconds(2));
        assertThat(article.publishedAt()).isEqualTo(Instant.parse("2019-08-19T14:05:00Z"));
        assertThat(article.canonicalUrl()).isEqualTo(URL);
        assertThat(article.text()).startsWith("The US Commerce Department on Monday extended").doesNotContain("Most read");
        assertThat(article.contentHash()).isEqualTo(ContentHash.of(article.text()));
        assertThat(article.topicIds()).containsExactly("huawei", "export-controls", "network-security",
                "telecom-regulation", "supply-chain");
        assertThat(article.duplicateOf()).isNull();
    }

    @Test
    void feedEntryFillsMissingMetadataAndItsSummaryFillsAnEmptyText() {
        EnrichResult result = enricher.enrich(page(URL, "text/html", 200, "<html><body><nav>Home</nav></body></html>"));

        EnrichedArticle article = ((EnrichResult.Fresh) result).article();
        assertThat(article.title()).isEqualTo("Feed title");
        assertThat(article.author()).isEqualTo("Feed Author");
        assertThat(article.publishedAt()).isEqualTo(ENTRY.published());
        assertThat(article.text()).isEqualTo("Feed summary about Huawei.");
    }

    @Test
    void modificationTimeAndCanonicalUrlComeFromThePage() {
        String html = """
                <html lang="en"><head>
                <link rel="canonical" href="/tech/huawei-licence">
                <meta property="article:modified_time" content="2019-08-20T09:30:00+02:00">
                </head><body><article><p>The licence was extended again, officials said on Tuesday.</p></article></body></html>
                """;
        EnrichedArticle article = ((EnrichResult.Fresh) enricher.enrich(page(URL, "text/html", 200, html))).article();

        assertThat(article.canonicalUrl()).isEqualTo("https://meridian-ledger.example/tech/huawei-licence");
        assertThat(article.modifiedAt()).isEqualTo(Instant.parse("2019-08-20T07:30:00Z"));
    }

    @Test
    void languageIsDetectedFromTheTextWhenThePageDeclaresNone() {
        String html = """
                <html><head><title>Netzausbau</title></head><body><article>
                <p>Die Bundesregierung will in den kommenden Wochen entscheiden, ob Bauteile chinesischer Hersteller
                im Kernnetz des neuen Mobilfunkstandards verboten werden. Die Netzbetreiber warnen vor hohen Kosten
                und Verzögerungen beim Ausbau, während Sicherheitsbehörden auf strengere Prüfungen drängen.</p>
                </article></body></html>
                """;
        EnrichedArticle article = ((EnrichResult.Fresh) enricher.enrich(page(URL, "text/html", 200, html))).article();

        assertThat(article.language()).isEqualTo("de");
    }

    @Test
    void aDeclaredLanguageWinsOverTheTextsLanguage() {
        String html = """
                <html lang="fr"><body><article>
                <p>The government will decide in the coming weeks whether components made by Chinese suppliers are
                banned from the core of the new mobile networks. Operators warn of high costs and delays.</p>
                </article></body></html>
                """;
        EnrichedArticle article = ((EnrichResult.Fresh) enricher.enrich(page(URL, "text/html", 200, html))).article();

        assertThat(article.language()).isEqualTo("fr");
    }

    @Test
    void sameTextUnderAnotherUrlIsADuplicateOfTheFirst() throws IOException {
        String otherUrl = "https://syndication.example/wire/huawei-licence";
        enricher.enrich(page(URL, "text/html", 200, fixture()));

        EnrichResult result = enricher.enrich(page(otherUrl, "text/html", 200, fixture()));

        assertThat(result).isInstanceOf(EnrichResult.Duplicate.class);
        EnrichedArticle duplicate = ((EnrichResult.Duplicate) result).article();
        assertThat(duplicate.id()).isEqualTo(ArticleId.of(otherUrl));
        assertThat(duplicate.duplicateOf()).isEqualTo(ArticleId.of(URL));
        assertThat(duplicate.similarity()).isEqualTo(1.0);
        assertThat(duplicate.topicIds()).contains("huawei");
    }

    @Test
    void aCopyWithOneParagraphRewrittenIsANearDuplicateWithItsSimilarity() throws IOException {
        String original = fixture();
        int start = original.indexOf("<p>", original.indexOf("<article"));
        int end = original.indexOf("</p>", start);
        String edited = original.substring(0, start) + "<p>An updated paragraph says something else entirely,"
                + " with new figures from a later statement by the company.</p>" + original.substring(end + 4);
        enricher.enrich(page(URL, "text/html", 200, original));

        EnrichResult result = enricher.enrich(page("https://partner.example/huawei-licence", "text/html", 200, edited));

        assertThat(result).isInstanceOf(EnrichResult.Duplicate.class);
        EnrichedArticle duplicate = ((EnrichResult.Duplicate) result).article();
        assertThat(duplicate.duplicateOf()).isEqualTo(ArticleId.of(URL));
        assertThat(duplicate.similarity()).isBetween(Duplicates.NEAR_THRESHOLD, 0.999);
    }

    @Test
    void anAmpCopyWhoseCanonicalUrlIsTheArticleIsTheArticleItself() throws IOException {
        String amp = "https://amp.meridian-ledger.example/tech/2019/08/19/huawei-licence-extension.amp.html";
        String html = fixture().replaceFirst("<link rel=\"canonical\"[^>]*>", "")
                .replace("<head>", "<head><link rel=\"canonical\" href=\"" + URL + "/\">");
        enricher.enrich(page(URL, "text/html", 200, fixture()));

        EnrichResult result = enricher.enrich(page(amp, "text/html", 200, html));

        assertThat(result).isEqualTo(new EnrichResult.AlreadySeen(ArticleId.of(URL)));
    }

    @Test
    void aPageCannotTakeTheIdOfAnotherSitesArticle() {
        String html = """
                <html lang="en"><head><link rel="canonical" href="https://meridian-ledger.example/tech/huawei-licence">
                </head><body><article><p>A copied story that claims another site's address as its own.</p></article>
                </body></html>""";
        String url = "https://copycat.example/story";

        EnrichResult result = enricher.enrich(page(url, "text/html", 200, html));

        assertThat(((EnrichResult.Fresh) result).article().id()).isEqualTo(ArticleId.of(url));
    }

    @Test
    void aForgottenArticleIsFreshAgain() throws IOException {
        EnrichResult.Fresh first = (EnrichResult.Fresh) enricher.enrich(page(URL, "text/html", 200, fixture()));

        enricher.forget(first);

        assertThat(enricher.enrich(page(URL, "text/html", 200, fixture()))).isInstanceOf(EnrichResult.Fresh.class);
    }

    @Test
    void redeliveredPageIsAlreadySeen() throws IOException {
        enricher.enrich(page(URL, "text/html", 200, fixture()));

        assertThat(enricher.enrich(page(URL, "text/html", 200, fixture())))
                .isEqualTo(new EnrichResult.AlreadySeen(ArticleId.of(URL)));
    }

    @Test
    void pageThatIsNotHtmlIsRejectedNamingUrlValueAndRule() {
        EnrichResult result = enricher.enrich(page(URL, "application/pdf", 200, "%PDF-1.7"));

        assertThat(result).isEqualTo(new EnrichResult.Rejected(ArticleId.of(URL), "page " + URL
                + ": content type \"application/pdf\" is not HTML: enrich reads application/xhtml+xml or text/html"));
    }

    @Test
    void pageFetchedWithAnErrorStatusIsRejected() {
        EnrichResult result = enricher.enrich(page(URL, "text/html", 404, "<p>Not found</p>"));

        assertThat(result).isInstanceOf(EnrichResult.Rejected.class);
        assertThat(((EnrichResult.Rejected) result).reason()).isEqualTo("page " + URL
                + ": HTTP status 404 is not a success: enrich reads pages fetched with a 2xx status");
    }

    /** A body of random bytes sent as {@code text/html} (UTF-8 by default) was once stored as an article in Urdu. */
    @Test
    void pageOfRandomBytesIsRejectedNamingUrlShareAndThreshold() {
        String html = RandomBodies.asIngestPublishes(RandomBodies.randomText(2026, 3_000, "UTF-8"));

        EnrichResult result = enricher.enrich(page(URL, "text/html", 200, html));

        assertThat(result).isEqualTo(new EnrichResult.Rejected(ArticleId.of(URL), "page " + URL + ": 1,545 of its"
                + " 2,763 characters other than whitespace (55.9%) are not text (U+FFFD, control, private-use,"
                + " unassigned or unpaired surrogate code points), as in a binary body: enrich refuses a page when"
                + " more than 5% of them are not text"));
    }

    /** Whitespace is not garbage: a page of forty thousand vertical tabs is an empty page, enriched as one. */
    @Test
    void pageOfWhitespaceIsNotRejected() {
        EnrichResult result = enricher.enrich(page(URL, "text/html", 200, "\u000b".repeat(40_000)));

        assertThat(result).isInstanceOf(EnrichResult.Fresh.class);
        assertThat(((EnrichResult.Fresh) result).article().text()).isEqualTo("Feed summary about Huawei.");
    }

    @Test
    void rejectedPageIsNotRememberedAsSeen() throws IOException {
        enricher.enrich(page(URL, "application/pdf", 200, "%PDF-1.7"));

        assertThat(enricher.enrich(page(URL, "text/html", 200, fixture()))).isInstanceOf(EnrichResult.Fresh.class);
    }

    private static RawPage page(String url, String contentType, int status, String html) {
        return new RawPage(RawPage.SCHEMA_VERSION, ArticleId.of(url), url, "https://meridian-ledger.example/rss",
                "Meridian Ledger", ENTRY, FETCHED, status, contentType, "UTF-8", html, FETCHED.minusSeconds(2));
    }

    private static String fixture() throws IOException {
        try (InputStream in = EnricherTest.class.getResourceAsStream("extract/pages/semantic-article.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
