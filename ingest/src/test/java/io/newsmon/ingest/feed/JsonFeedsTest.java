package io.newsmon.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonFeedsTest {
    private static final String FEED_URL = "https://controls.example.org/feed.json";

    @Test
    void readsJsonFeed1WithTheEntriesOwnFields() {
        List<FeedEntry> entries = Fixtures.entries("export-controls-1.0.json", "application/feed+json", FEED_URL);

        assertThat(entries.get(0)).isEqualTo(new FeedEntry("US revokes licences for chip sales to Huawei",
                "https://controls.example.org/2024/05/08/huawei-licences-revoked?utm_source=jsonfeed",
                Instant.parse("2024-05-08T13:30:00Z"),
                "The Commerce Department revoked licences that let Intel and Qualcomm sell chips to Huawei & its affiliates.",
                "Marcus Lee"));
        assertThat(entries.get(1)).isEqualTo(new FeedEntry("Twelve companies added to the Entity List",
                "https://controls.example.org/2024/05/07/entity-list-twelve", Instant.parse("2024-05-07T16:00:00Z"),
                "The additions include two Huawei cloud partners. They take effect on publication.",
                "Export Controls Daily staff"));
        assertThat(entries.get(2).published()).isEqualTo(Instant.parse("2024-05-06T08:00:00Z"));
        assertThat(entries.get(2).summary()).isEqualTo("Where the tools came from.");
    }

    @Test
    void takesTheUrlElseTheExternalUrlElseAnHttpIdAndKeepsEachArticleOnce() {
        List<FeedEntry> entries = Fixtures.entries("export-controls-1.0.json", "application/json", FEED_URL);

        assertThat(entries).extracting(FeedEntry::link).containsExactly(
                "https://controls.example.org/2024/05/08/huawei-licences-revoked?utm_source=jsonfeed",
                "https://controls.example.org/2024/05/07/entity-list-twelve",
                "https://controls.example.org/2024/05/06/analysis-7nm",
                "https://www.example.gov/press/2024/05/joint-statement");
        assertThat(entries.get(3).published()).as("an unreadable date is no date").isNull();
    }

    @Test
    void readsJsonFeed11AuthorsAndPrefersTheSummaryToTheContent() {
        List<FeedEntry> entries = Fixtures.entries("huawei-brief-1.1.json", "application/feed+json", "https://brief.example.com/feed.json");

        assertThat(entries).containsExactly(
                new FeedEntry("HarmonyOS Next and the export rules", "https://brief.example.com/news/harmonyos-next-export-rules",
                        Instant.parse("2024-05-09T09:00:00Z"), "Why the software side is outside the new licence requirement.",
                        "Chen Wei"),
                new FeedEntry("Supplier briefing: what changes on Monday", "https://brief.example.com/news/supplier-briefing",
                        Instant.parse("2024-05-08T17:45:00Z"), "Plain text only.", "Huawei Brief newsroom"));
    }

    @Test
    void tellsJsonThatIsNotAJsonFeedWhatIsMissing() {
        FeedParse parse = FeedParser.parse(Fixtures.bytes("newsapi-response.json"), "application/json", "https://x.example/feed.json");

        assertThat(parse).isEqualTo(new FeedParse.NotAFeed("https://x.example/feed.json is JSON but not a JSON Feed: "
                + "\"version\" must be https://jsonfeed.org/version/1 or /1.1"));
    }

    @Test
    void namesAWrongVersionAndAMissingItemsList() {
        assertThat(parse("{\"version\": \"https://jsonfeed.org/version/2\", \"items\": []}"))
                .isEqualTo(new FeedParse.NotAFeed("https://x.example/feed.json is JSON but not a JSON Feed: "
                        + "\"version\" must be https://jsonfeed.org/version/1 or /1.1, not \"https://jsonfeed.org/version/2\""));
        assertThat(parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": {}}"))
                .isEqualTo(new FeedParse.NotAFeed("https://x.example/feed.json is JSON but not a JSON Feed: "
                        + "\"items\" must be an array, not object"));
        assertThat(parse("[{\"url\": \"https://x.example/a\"}]"))
                .isEqualTo(new FeedParse.NotAFeed("https://x.example/feed.json is JSON but not a JSON Feed: "
                        + "the top level must be an object with \"version\" and \"items\", not array"));
    }

    @Test
    void reportsMalformedJsonWithWhereItBreaks() {
        String reason = Fixtures.notAFeed(parse("{\"version\": \"https://jsonfeed.org/version/1\",\n \"items\": [ {\"url\": } ]}"));

        assertThat(reason).startsWith("https://x.example/feed.json is not valid JSON at line 2, column ");
    }

    @Test
    void refusesJsonNestedDeeperThanAFeedNeeds() {
        String deep = "{\"version\": \"https://jsonfeed.org/version/1\", \"items\": [], \"x\": "
                + "[".repeat(10_000) + "]".repeat(10_000) + "}";

        assertThat(Fixtures.notAFeed(parse(deep)))
                .startsWith("https://x.example/feed.json is JSON beyond what a JSON Feed needs: ")
                .contains("nesting depth");
    }

    @Test
    void toleratesItemsOfTheWrongShape() {
        FeedParse parse = parse("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": "
                + "[42, \"text\", {\"url\": [\"https://x.example/a\"]}, {\"url\": \"https://x.example/b\", \"title\": {\"t\": 1}}]}");

        assertThat(parse).isEqualTo(new FeedParse.Entries(List.of(new FeedEntry(null, "https://x.example/b", null, null, null))));
    }

    @Test
    void readsRfc3339DatesWithOffsetsFractionsAndASpace() {
        assertThat(JsonFeeds.date("2024-05-08T09:30:00.250-04:00")).isEqualTo(Instant.parse("2024-05-08T13:30:00.250Z"));
        assertThat(JsonFeeds.date("2024-05-08t13:30:00z")).isEqualTo(Instant.parse("2024-05-08T13:30:00Z"));
        assertThat(JsonFeeds.date("2024-05-08 13:30:00+00:00")).isEqualTo(Instant.parse("2024-05-08T13:30:00Z"));
        assertThat(JsonFeeds.date("2024-05-08")).isNull();
        assertThat(JsonFeeds.date("Wed, 08 May 2024 13:30:00 GMT")).isNull();
    }

    private static FeedParse parse(String json) {
        return FeedParser.parse(json.getBytes(StandardCharsets.UTF_8), "application/json", "https://x.example/feed.json");
    }
}
