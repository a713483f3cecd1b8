package io.newsmon.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TextExtractorTest {
    private static final String P1 = "The Commerce Department added Huawei to the Entity List on Thursday, a decision "
            + "that bars American suppliers from selling components to the company without a licence.";
    private static final String P2 = "Officials said the move followed years of concern about the company, and that "
            + "licences would be reviewed case by case, with a presumption of denial for most requests.";
    private static final String P3 = "Huawei said it opposed the decision, which it called unreasonable, and that it "
            + "would seek remedies to protect its business, its customers and its suppliers around the world.";

    private final TextExtractor extractor = new TextExtractor();

    /**
     * A title of 100,000 vertical tabs (whitespace to Java's regular expressions, not to jsoup) took the
     * headline splitter minutes; the guard is far above the time it takes now.
     */
    @Test
    void aTitleOfManyOddSpacesIsSplitInLinearTime() {
        String title = "Huawei" + "\u000b".repeat(100_000) + "wins reprieve on export licences \u000b| The Ledger";
        Document doc = Jsoup.parse("<html><head><title>" + title + "</title></head><body><p>" + P1 + "</p></body></html>");

        var keys = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> TextExtractor.headlineKeys(doc));

        assertThat(keys).contains("huaweiwinsreprieveonexportlicences", "huaweiwinsreprieveonexportlicencestheledger");
    }

    @Test
    void anInterruptedExtractionStopsInsteadOfTryingItsFallbacks() {
        Thread.currentThread().interrupt();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> extractor.extract(page("<p>" + P1 + "</p>"),
                    "https://x.example/")).isInstanceOf(java.util.concurrent.CancellationException.class);
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void codeBlocksKeepTheirLines() {
        String html = page("<p>" + P1 + "</p><pre><code>RetryPolicy retries = RetryPolicy.builder()\n"
                + "        .maxAttempts(4)\n\n        .build();   \n</code></pre><p>" + P2 + "</p>");

        String text = extractor.extract(html, "https://x.example/");

        assertThat(text).isEqualTo(P1 + "\n\nRetryPolicy retries = RetryPolicy.builder()\n        .maxAttempts(4)\n"
                + "        .build();\n\n" + P2);
    }

    @Test
    void aBodyFieldNamedWithSummaryIsNotTakenForChrome() {
        String html = page("<div class=\"field field--name-body field--type-text-with-summary\"><p>" + P1 + "</p><p>"
                + P2 + "</p><p>" + P3 + "</p><p>" + P1 + "</p></div><div class=\"article-summary\">A short summary.</div>");

        String text = extractor.extract(html, "https://x.example/");

        assertThat(text).startsWith(P1).contains(P2, P3).doesNotContain("A short summary");
    }

    @Test
    void keepsArticleBodyAndDropsNavigation() throws IOException {
        String text = extractor.extract(ExtractionQualityTest.resource("semantic-article.html"), "https://x.example/");

        assertThat(text).startsWith("The US Commerce Department on Monday extended a temporary licence")
                .contains("Dozens of affiliates added")
                .doesNotContain("Skip to content", "Markets", "Share on Twitter", "Most read", "All rights reserved",
                        "Photograph", "Clara Voss", "Trump signals Huawei reprieve");
    }

    @Test
    void dropsCommentThread() throws IOException {
        String text = extractor.extract(ExtractionQualityTest.resource("comment-thread.html"), "https://x.example/");

        assertThat(text).contains("The company said it was considering its legal options.")
                .doesNotContain("greywolf_77", "Follow the money", "Leave a Reply", "Reply", "thoughts on");
    }

    @Test
    void dropsCookieBannerNewsletterBoxAndRelatedLinks() throws IOException {
        String text = extractor.extract(ExtractionQualityTest.resource("cookie-newsletter.html"), "https://x.example/");

        assertThat(text).startsWith("Senior negotiators").endsWith("left for later rounds.")
                .doesNotContain("847 partners", "Accept all", "Business Today", "unsubscribe", "Tariff deadline puts",
                        "Most viewed");
    }

    @Test
    void separatesParagraphsWithOneBlankLineAndCollapsesWhitespace() {
        String html = page("<p>" + P1.replace(" ", "   \n ") + "</p><h2>What next</h2><p>" + P2 + "</p>"
                + "<ul><li>First point of the list.</li><li>Second point of the list.</li></ul><p>" + P3 + "</p>");

        assertThat(extractor.extract(html, "https://x.example/"))
                .isEqualTo(P1 + "\n\nWhat next\n\n" + P2 + "\n\nFirst point of the list.\n\nSecond point of the list."
                        + "\n\n" + P3);
    }

    @Test
    void excludesTheHeadlineFromTitleOrH1() {
        String html = "<html><head><title>Huawei added to Entity List | Example News</title></head><body><article>"
                + "<h1>Huawei added to Entity List</h1><h2>Huawei added to Entity List</h2><p>" + P1 + "</p><p>" + P2
                + "</p></article></body></html>";

        assertThat(extractor.extract(html, "https://x.example/")).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void splitsBreakSeparatedTextIntoParagraphs() {
        String html = page("<div class=\"storytext\">" + P1 + "<br><br>" + P2 + "<br>\n<br>" + P3 + "</div>");

        assertThat(extractor.extract(html, "https://x.example/")).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void neverDropsAnArticleForAWeakClassMatch() {
        String html = "<html><body><div class=\"header-extra\"><a href=\"/\">Home</a></div>"
                + "<article class=\"post extra\"><p>" + P1 + "</p><p>" + P2 + "</p></article></body></html>";

        assertThat(extractor.extract(html, "https://x.example/")).isEqualTo(P1 + "\n\n" + P2);
    }

    @Test
    void fallsBackToTheArticleElementWhenTheScoredCandidateIsPoor() {
        String items = "<li>Huawei was added to the Entity List in May 2019</li><li>Suppliers need licences to sell"
                + " to it</li><li>Google stopped certifying new Huawei phones</li><li>Rural carriers were given more"
                + " time</li><li>The rules were tightened again in 2020</li><li>Chip supplies were cut off in"
                + " September</li><li>Huawei sold its Honor brand in November</li>";
        String html = "<html><body><article><ul>" + items + "</ul></article>"
                + "<div class=\"box\"><p>Weather: cloudy, with rain later in the day.</p></div></body></html>";

        String text = extractor.extract(html, "https://x.example/");

        assertThat(text).startsWith("Huawei was added to the Entity List in May 2019\n\nSuppliers need licences")
                .endsWith("Huawei sold its Honor brand in November").doesNotContain("Weather");
    }

    @Test
    void dropsLinkListsInsideTheArticle() {
        String html = page("<p>" + P1 + "</p><div><a href=\"/a\">Huawei founder speaks out</a> "
                + "<a href=\"/b\">Chip stocks fall</a> <a href=\"/c\">Trade talks resume in Washington</a></div><p>"
                + P2 + "</p><p>Read more: <a href=\"/d\">Huawei's long road to the Entity List</a></p><p>" + P3 + "</p>");

        assertThat(extractor.extract(html, "https://x.example/")).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void keepsShortSubheadingsAndSentencesInWrappers() {
        String html = page("<p>" + P1 + "</p><div class=\"subhead\"><h2>What next</h2></div><p>" + P2 + "</p>"
                + "<div><p>He declined to comment.</p></div><div><span>Advertisement</span></div><p>" + P3 + "</p>");

        assertThat(extractor.extract(html, "https://x.example/"))
                .isEqualTo(P1 + "\n\nWhat next\n\n" + P2 + "\n\nHe declined to comment.\n\n" + P3);
    }

    @Test
    void emptyOrTextlessPagesGiveEmptyText() {
        assertThat(extractor.extract("", "https://x.example/")).isEmpty();
        assertThat(extractor.extract("<html><body><nav><a href=\"/\">Home</a></nav><script>var x;</script></body></html>",
                "https://x.example/")).isEmpty();
    }

    @Test
    void leavesTheDocumentUnchanged() throws IOException {
        Document doc = Jsoup.parse(ExtractionQualityTest.resource("cookie-newsletter.html"), "https://x.example/");
        String before = doc.outerHtml();

        extractor.extract(doc);

        assertThat(doc.outerHtml()).isEqualTo(before);
    }

    private static String page(String articleHtml) {
        return "<html><head><title>Example</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/tech\">Tech</a>"
                + "</nav><div class=\"content\">" + articleHtml + "</div><footer>Copyright Example News</footer>"
                + "</body></html>";
    }

    @Test
    void aShortNoticeIsNeverReturnedWhenALongerBlockOfProseIsOnThePage() {
        StringBuilder story = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            story.append("<p>The council said on Tuesday that the harbour works, which began in spring, would finish"
                    + " late, and residents, who had waited years, were angry about it (").append(i).append(").</p>");
        }
        // Every attempt drops the story for its class name ("share"), and finds only the notice.
        String html = "<html><body><div class=\"notice\"><p>This site uses cookies to improve your subscriber"
                + " experience. By continuing you agree to our use of cookies.</p></div>"
                + "<div class=\"share-enabled story\">" + story + "</div></body></html>";

        String text = new TextExtractor().extract(html, "https://news.example/a");

        assertThat(text).startsWith("The council said on Tuesday").contains("(7).").doesNotContain("cookies");
    }

    @Test
    void aPageHiddenFromScreenReadersBehindADialogIsStillRead() {
        String html = "<html><body><div role=\"dialog\"><p>We value your privacy and use cookies.</p></div>"
                + "<div id=\"wrapper\" aria-hidden=\"true\"><div class=\"story-text\">"
                + ("<p>Engineers found that the storm damage reached far deeper than the first survey had shown,"
                + " and the repairs will run into next spring.</p>").repeat(6)
                + "<span aria-hidden=\"true\">icon text</span></div></div></body></html>";

        String text = new TextExtractor().extract(html, "https://news.example/b");

        assertThat(text).startsWith("Engineers found").doesNotContain("privacy").doesNotContain("icon text");
    }

    /** Three cards with a headline linked elsewhere and a short summary, in a {@code story} container. */
    private static String teasers() {
        StringBuilder cards = new StringBuilder("<div class=\"story-list\"><h2>More from Opinion</h2>");
        for (String slug : new String[] {"library-hours", "school-run", "market-square"}) {
            cards.append("<article class=\"story-card\"><h3><a href=\"https://site.example/opinion/").append(slug)
                    .append("\">The council should think again about ").append(slug.replace('-', ' '))
                    .append("</a></h3><p class=\"story-card__text\">A short summary of another column, about ")
                    .append(slug.replace('-', ' ')).append(", in one sentence.</p></article>");
        }
        return cards.append("</div>").toString();
    }

    @Test
    void recommendedTeasersThatEndTheArticleAreLeftOut() {
        String html = "<html><body><article class=\"story\"><div class=\"story-body\"><p>" + P1 + "</p><p>" + P2
                + "</p><p>" + P3 + "</p>" + teasers() + "</div></article></body></html>";

        String text = extractor.extract(html, "https://site.example/opinion/column");

        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    /** Linked headings with the article going on after them are the article's, as in a live blog or a roundup. */
    @Test
    void linkedHeadingsFollowedByTheArticleAreKept() {
        String html = "<html><body><article class=\"story\"><div class=\"story-body\"><p>" + P1 + "</p>" + teasers()
                + "<p>" + P2 + "</p><p>" + P3 + "</p></div></article></body></html>";

        String text = extractor.extract(html, "https://site.example/opinion/column");

        assertThat(text).contains(P1, P2, P3, "The council should think again about school run",
                "A short summary of another column, about market square");
    }

    /**
     * Markup that pages hide from readers or from browsers with scripts: a pixel in {@code <noscript>} (in the
     * head, in the body, as markup or escaped as text), and the raw-text elements {@code noembed},
     * {@code noframes} and {@code iframe}, whose content a parser keeps as text, and a pixel's tag escaped into
     * a paragraph of its own by a plugin. None of it is article text.
     */
    @Test
    void markupHiddenFromReadersNeverBecomesText() {
        String pixel = "<img height=\"1\" width=\"1\" style=\"display:none\" src=\"https://px.example/tr?id=9&ev=PageView\"/>";
        String html = "<html><head><noscript>" + pixel + "</noscript></head><body><noscript>" + pixel + "</noscript>"
                + "<article><p>" + P1 + "</p><noscript>&lt;img src=\"https://px.example/a.gif\" alt=\"\"&gt;</noscript>"
                + "<p>" + P2 + "</p><noembed>" + pixel + "</noembed><noframes><iframe src=\"https://ads.example/f\"></iframe>"
                + "</noframes><iframe><img src=\"https://px.example/b.gif\"></iframe>"
                + "<p>&lt;img src=\"https://px.example/c.gif\" /&gt;</p><p>" + P3 + "</p></article></body></html>";

        String text = extractor.extract(html, "https://site.example/news/1");

        assertThat(text).isEqualTo(P1 + "\n\n" + P2 + "\n\n" + P3);
    }

    @Test
    void markupAsTextIsToldInLinearTime() {
        String tags = "<img src=\"x\" " + "a ".repeat(200_000) + "/>";
        String almost = "<b " + "<i ".repeat(100_000);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(TextRenderer.isOnlyMarkup(tags + " " + tags)).isTrue();
            assertThat(TextRenderer.isOnlyMarkup(almost)).isFalse();
        });
        assertThat(TextRenderer.isOnlyMarkup("<b>Bold claim</b>")).as("words between tags").isFalse();
        assertThat(TextRenderer.isOnlyMarkup("<3 for the team")).isFalse();
    }
}
