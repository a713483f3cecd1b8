package io.newsmon.enrich.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class MetadataExtractorTest {
    private static final String URL = "https://news.example/tech/2019/05/16/huawei-entity-list";
    private static final FeedEntry ENTRY = new FeedEntry("Feed title", "https://news.example/feed-link",
            Instant.parse("2019-05-16T12:00:00Z"), "Feed summary", "Feed Author");
    private static final String JSON_LD = """
            <script type="application/ld+json">
            {"@context": "https://schema.org", "@type": "NewsArticle",
             "headline": "JSON-LD headline", "author": {"@type": "Person", "name": "Ana Ruiz"},
             "datePublished": "2019-05-16T10:00:00+02:00", "dateModified": "2019-05-17T09:30:00Z",
             "inLanguage": "es", "url": "https://news.example/jsonld-url",
             "publisher": {"@type": "Organization", "name": "JSON-LD Publisher"}}
            </script>""";
    private static final String OPEN_GRAPH = """
            <meta property="og:title" content="OpenGraph title">
            <meta property="og:site_name" content="OpenGraph Site">
            <meta property="og:locale" content="fr_FR">
            <meta property="og:url" content="https://news.example/og-url">""";
    private static final String META_TAGS = """
            <meta name="twitter:title" content="Twitter title">
            <meta property="article:published_time" content="2019-05-15T06:00:00Z">
            <meta property="article:modified_time" content="2019-05-15T07:00:00Z">
            <meta name="author" content="Meta Author">""";
    private static final String MARKUP = """
            <title>Title tag | OpenGraph Site</title>""";
    private static final String BODY = """
            <body><h1>H1 headline</h1><time datetime="2019-05-14T05:00:00Z">14 May</time></body>""";

    private final MetadataExtractor extractor = new MetadataExtractor();

    @Test
    void jsonLdIsPreferredOverEverySource() {
        PageMetadata metadata = extract(head(JSON_LD + OPEN_GRAPH + META_TAGS + MARKUP) + BODY);

        assertThat(metadata.title()).isEqualTo("JSON-LD headline");
        assertThat(metadata.author()).isEqualTo("Ana Ruiz");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2019-05-16T08:00:00Z"));
        assertThat(metadata.modifiedAt()).isEqualTo(Instant.parse("2019-05-17T09:30:00Z"));
        assertThat(metadata.siteName()).isEqualTo("OpenGraph Site");
    }

    @Test
    void openGraphIsPreferredOverMetaTagsAndMarkup() {
        PageMetadata metadata = extract(head(OPEN_GRAPH + META_TAGS + MARKUP) + BODY);

        assertThat(metadata.title()).isEqualTo("OpenGraph title");
        assertThat(metadata.canonicalUrl()).isEqualTo("https://news.example/og-url");
        assertThat(metadata.language()).isEqualTo("fr-FR");
    }

    @Test
    void articleMetaTagsArePreferredOverMarkup() {
        PageMetadata metadata = extract(head(META_TAGS + MARKUP) + BODY);

        assertThat(metadata.title()).isEqualTo("Twitter title");
        assertThat(metadata.author()).isEqualTo("Meta Author");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2019-05-15T06:00:00Z"));
        assertThat(metadata.modifiedAt()).isEqualTo(Instant.parse("2019-05-15T07:00:00Z"));
    }

    @Test
    void markupIsPreferredOverTheFeedEntry() {
        PageMetadata metadata = extract(head(MARKUP) + BODY);

        assertThat(metadata.title()).isEqualTo("Title tag | OpenGraph Site");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2019-05-14T05:00:00Z"));
        assertThat(metadata.modifiedAt()).isNull();
    }

    @Test
    void titleTagLosesTheSiteNameSuffix() {
        PageMetadata metadata = extract(head("<meta property=\"og:site_name\" content=\"The Ledger\">"
                + "<title>Huawei wins reprieve – The Ledger</title>") + "<body></body>");

        assertThat(metadata.title()).isEqualTo("Huawei wins reprieve");
    }

    @Test
    void titleTagLosesASiteNameTheHostGivesAtEitherEnd() {
        String url = "https://www.porthavengazette.example/2024/harbour/breakwater";

        assertThat(extractAt(url, head("<title>Breakwater repairs delayed | Porthaven Gazette</title>") + "<body></body>")
                .title()).isEqualTo("Breakwater repairs delayed");
        assertThat(extractAt(url, head("<title>Porthaven Gazette - Breakwater repairs delayed</title>") + "<body></body>")
                .title()).isEqualTo("Breakwater repairs delayed");
    }

    @Test
    void titleTagLosesTheAcronymOfTheSiteName() {
        PageMetadata metadata = extract(head("<meta property=\"og:site_name\" content=\"Porthaven Gazette\">"
                + "<title>Breakwater repairs delayed — PG News</title>") + "<body></body>");

        assertThat(metadata.title()).isEqualTo("Breakwater repairs delayed");
    }

    @Test
    void titleTagKeepsAColonWithoutASiteSignal() {
        PageMetadata metadata = extract(head("<meta property=\"og:site_name\" content=\"Porthaven Gazette\">"
                + "<title>Brexit: what happens next</title>") + "<body></body>");

        assertThat(metadata.title()).isEqualTo("Brexit: what happens next");
    }

    @Test
    void titleTagPartThatIsTheH1IsTheTitle() {
        PageMetadata metadata = extract(head("<title>Breakwater repairs delayed | Harbour | Local</title>")
                + "<body><h1>Breakwater repairs delayed</h1></body>");

        assertThat(metadata.title()).isEqualTo("Breakwater repairs delayed");
    }

    @Test
    void titleTagThatIsOnlyTheSiteNameGivesWayToTheH1() {
        PageMetadata metadata = extract(head("<meta property=\"og:site_name\" content=\"Porthaven Gazette\">"
                + "<title>Porthaven Gazette |</title>") + "<body><h1>Breakwater repairs delayed</h1></body>");

        assertThat(metadata.title()).isEqualTo("Breakwater repairs delayed");
    }

    /**
     * A title of 100,000 vertical tabs (whitespace to Java's regular expressions, not to jsoup) took the
     * site-suffix pattern minutes, backtracking from every tab; the guard is far above the milliseconds it
     * takes now, so only the quadratic behaviour can trip it.
     */
    @Test
    void aTitleOfManyOddSpacesLosesItsSuffixInLinearTime() {
        String title = "Huawei" + "\u000b".repeat(100_000) + "wins \u000b\u000b| The Ledger";
        String page = head("<meta property=\"og:site_name\" content=\"The Ledger\"><title>" + title + "</title>")
                + "<body></body>";

        PageMetadata metadata = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> extract(page));

        assertThat(metadata.title()).isEqualTo("Huawei wins");
    }

    @Test
    void h1IsUsedWhenThereIsNoTitle() {
        assertThat(extract("<html><body><h1>H1 headline</h1></body></html>").title()).isEqualTo("H1 headline");
    }

    @Test
    void feedEntryFillsTheGaps() {
        PageMetadata metadata = extract("<html><body><p>No metadata at all.</p></body></html>");

        assertThat(metadata).isEqualTo(new PageMetadata("Feed title", "Feed Author",
                Instant.parse("2019-05-16T12:00:00Z"), null, null, "https://news.example/feed-link", null));
    }

    @Test
    void withoutAFeedEntryMissingValuesAreNull() {
        PageMetadata metadata = extractor.extract(Jsoup.parse("<p>Nothing.</p>", URL), null);

        assertThat(metadata).isEqualTo(new PageMetadata(null, null, null, null, null, null, null));
    }

    @Test
    void findsTheArticleInsideAGraphAndResolvesAuthorReferences() {
        String graph = """
                <script type="application/ld+json">
                {"@context": "https://schema.org", "@graph": [
                  {"@type": "WebSite", "@id": "https://news.example/#website", "name": "Example News"},
                  {"@type": "Person", "@id": "https://news.example/#/person/1", "name": "Li Wei"},
                  {"@type": ["Article", "NewsArticle"], "headline": "Graph headline",
                   "author": {"@id": "https://news.example/#/person/1"},
                   "datePublished": "2019-05-16", "publisher": {"@id": "https://news.example/#website"}}
                ]}
                </script>""";

        PageMetadata metadata = extract(head(graph) + "<body></body>");

        assertThat(metadata.title()).isEqualTo("Graph headline");
        assertThat(metadata.author()).isEqualTo("Li Wei");
        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2019-05-16T00:00:00Z"));
        assertThat(metadata.siteName()).isEqualTo("Example News");
    }

    @Test
    void readsAuthorArraysOfObjectsAndStrings() {
        String ld = """
                <script type="application/ld+json">
                [{"@type": "BreadcrumbList", "name": "Breadcrumbs"},
                 {"@type": "ReportageNewsArticle", "headline": "Array headline",
                  "author": [{"@type": "Person", "name": "Ana Ruiz"}, "Bo Chen", {"name": "Ana Ruiz"}]}]
                </script>""";

        PageMetadata metadata = extract(head(ld) + "<body></body>");

        assertThat(metadata.title()).isEqualTo("Array headline");
        assertThat(metadata.author()).isEqualTo("Ana Ruiz, Bo Chen");
    }

    @Test
    void skipsInvalidJsonLdAndNonArticleTypes() {
        String ld = """
                <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>
                <script type="application/ld+json">{"@type": "Organization", "name": "Not an article"}</script>
                <script type="application/ld+json">{"@type": "https://schema.org/Article", "headline": "Valid"}</script>""";

        assertThat(extract(head(ld) + "<body></body>").title()).isEqualTo("Valid");
    }

    @Test
    void unparseableTimeFallsThroughToTheNextSource() {
        String ld = "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"datePublished\": \"last Tuesday\"}"
                + "</script><meta name=\"parsely-pub-date\" content=\"2019-05-16T08:00:00Z\">";

        assertThat(extract(head(ld) + "<body></body>").publishedAt()).isEqualTo(Instant.parse("2019-05-16T08:00:00Z"));
    }

    @Test
    void readsDublinCoreDatesAndRfc1123Times() {
        PageMetadata metadata = extract(head("<meta name=\"DC.date\" content=\"Thu, 16 May 2019 08:00:00 GMT\">")
                + "<body></body>");

        assertThat(metadata.publishedAt()).isEqualTo(Instant.parse("2019-05-16T08:00:00Z"));
    }

    @Test
    void ignoresArticleAuthorWhenItIsAProfileUrl() {
        PageMetadata metadata = extract(head("<meta property=\"article:author\" content=\"https://social.example/ana\">"
                + "<meta name=\"author\" content=\"Ana Ruiz\">") + "<body></body>");

        assertThat(metadata.author()).isEqualTo("Ana Ruiz");
    }

    @Test
    void prefersATimeMarkedAsPublicationDate() {
        String body = "<body><time datetime=\"2019-05-20T00:00:00Z\">related</time>"
                + "<span itemprop=\"datePublished\" datetime=\"2019-05-16T08:00:00Z\">16 May</span></body>";

        assertThat(extract("<html>" + body + "</html>").publishedAt()).isEqualTo(Instant.parse("2019-05-16T08:00:00Z"));
    }

    @Test
    void languageComesFromHtmlLangThenContentLanguageThenOgLocale() {
        assertThat(extract("<html lang=\"en_gb\"><head><meta http-equiv=\"content-language\" content=\"de\"></head>"
                + "</html>").language()).isEqualTo("en-GB");
        assertThat(extract("<html><head><meta http-equiv=\"Content-Language\" content=\"de, en\">"
                + "<meta property=\"og:locale\" content=\"fr_FR\"></head></html>").language()).isEqualTo("de");
        assertThat(extract("<html><head><meta property=\"og:locale\" content=\"fr_FR\"></head></html>").language())
                .isEqualTo("fr-FR");
        assertThat(extract("<html><body><p>Hello</p></body></html>").language()).isNull();
    }

    @Test
    void canonicalUrlIsResolvedAgainstThePageUrl() {
        PageMetadata metadata = extract(head("<link rel=\"canonical\" href=\"/tech/huawei?ref=rss\">"
                + "<meta property=\"og:url\" content=\"https://news.example/og-url\">") + "<body></body>");

        assertThat(metadata.canonicalUrl()).isEqualTo("https://news.example/tech/huawei?ref=rss");
    }

    @Test
    void decodesEntitiesAndCollapsesWhitespace() {
        PageMetadata metadata = extract(head("<meta property=\"og:title\" content=\"  AT&amp;T   and Huawei \">")
                + "<body></body>");

        assertThat(metadata.title()).isEqualTo("AT&T and Huawei");
    }

    private PageMetadata extract(String html) {
        return extractAt(URL, html);
    }

    private PageMetadata extractAt(String url, String html) {
        return extractor.extract(Jsoup.parse(html, url), ENTRY);
    }

    private static String head(String content) {
        return "<html><head>" + content + "</head>";
    }
}
