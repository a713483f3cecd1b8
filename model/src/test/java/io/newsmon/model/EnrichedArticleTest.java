package io.newsmon.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnrichedArticleTest {
    private static final EnrichedArticle ARTICLE = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "a1",
            "https://news.example/a", "https://news.example/story/a", "Example", "https://news.example/rss",
            "Title", "Ann Lee, Bo Chen", Instant.parse("2019-05-16T08:00:00Z"), Instant.parse("2019-05-16T09:30:00Z"),
            Instant.parse("2019-05-16T10:00:00Z"), "en", "Example News", "Text.", "hash",
            List.of(new TopicTag("huawei", 2, List.of("Huawei: \"...Huawei said...\""))), null, null,
            Instant.parse("2019-05-16T09:59:58Z"));

    @Test
    void roundTripsThroughJson() {
        byte[] json = Json.write(ARTICLE);

        assertThat(Json.read(json, EnrichedArticle.class)).isEqualTo(ARTICLE);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"modifiedAt\":\"2019-05-16T09:30:00Z\"")
                .contains("\"canonicalUrl\":\"https://news.example/story/a\"")
                .contains("\"discoveredAt\":\"2019-05-16T09:59:58Z\"");
    }

    @Test
    void theBuilderSetsEachFieldByNameAndToBuilderKeepsThemAll() {
        assertThat(ARTICLE.toBuilder().build()).isEqualTo(ARTICLE);
        EnrichedArticle built = EnrichedArticle.builder(ARTICLE.id(), ARTICLE.url(), ARTICLE.fetchedAt())
                .canonicalUrl(ARTICLE.canonicalUrl()).source(ARTICLE.source()).feedUrl(ARTICLE.feedUrl())
                .title(ARTICLE.title()).author(ARTICLE.author()).publishedAt(ARTICLE.publishedAt())
                .modifiedAt(ARTICLE.modifiedAt()).language(ARTICLE.language()).siteName(ARTICLE.siteName())
                .text(ARTICLE.text()).contentHash(ARTICLE.contentHash()).topics(ARTICLE.topics())
                .duplicateOf(ARTICLE.duplicateOf()).similarity(ARTICLE.similarity())
                .discoveredAt(ARTICLE.discoveredAt())
                .build();
        assertThat(built).isEqualTo(ARTICLE);
        EnrichedArticle bare = EnrichedArticle.builder("a2", "https://news.example/b", ARTICLE.fetchedAt()).build();
        assertThat(bare.topics()).isEmpty();
        assertThat(bare.text()).isEmpty();
        assertThat(bare.schemaVersion()).isEqualTo(EnrichedArticle.SCHEMA_VERSION);
        assertThatThrownBy(() -> EnrichedArticle.builder(null, "https://news.example/b", ARTICLE.fetchedAt()).build())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void keepsTheDiscoveryTimeWhenRetaggedOrMarkedAsDuplicate() {
        assertThat(ARTICLE.withTopics(List.of()).discoveredAt()).isEqualTo(ARTICLE.discoveredAt());
        assertThat(ARTICLE.asDuplicateOf("b2", 0.8).discoveredAt()).isEqualTo(ARTICLE.discoveredAt());
    }

    @Test
    void aRawPageRoundTripsWithItsDiscoveryTimeAndAVersionOnePageReadsWithout() {
        RawPage page = new RawPage(RawPage.SCHEMA_VERSION, "a1", "https://news.example/a", "https://news.example/rss",
                "Example", new FeedEntry("Title", "https://news.example/a", null, null, null),
                Instant.parse("2019-05-16T10:00:00Z"), 200, "text/html", "UTF-8", "<p>Text.</p>",
                Instant.parse("2019-05-16T09:59:58Z"));
        String v1 = """
                {"schemaVersion":1,"id":"a1","url":"https://news.example/a","entry":{"link":"https://news.example/a"},
                 "fetchedAt":"2019-05-16T10:00:00Z","httpStatus":200,"html":"<p>Text.</p>"}
                """;

        assertThat(Json.read(Json.write(page), RawPage.class)).isEqualTo(page);
        assertThat(Json.read(v1.getBytes(StandardCharsets.UTF_8), RawPage.class).discoveredAt()).isNull();
    }

    @Test
    void aVersionOneMessageReadsWithoutCanonicalUrlAndModificationTime() {
        String v1 = """
                {"schemaVersion":1,"id":"a1","url":"https://news.example/a","source":"Example",
                 "fetchedAt":"2019-05-16T10:00:00Z","text":"Text.","topics":[]}
                """;

        EnrichedArticle article = Json.read(v1.getBytes(StandardCharsets.UTF_8), EnrichedArticle.class);

        assertThat(article.schemaVersion()).isEqualTo(1);
        assertThat(article.canonicalUrl()).isNull();
        assertThat(article.modifiedAt()).isNull();
        assertThat(article.discoveredAt()).isNull();
        assertThat(article.url()).isEqualTo("https://news.example/a");
    }

    @Test
    void withTopicsReplacesOnlyTheTopics() {
        EnrichedArticle untagged = ARTICLE.withTopics(List.of());

        assertThat(untagged.topics()).isEmpty();
        assertThat(untagged.withTopics(ARTICLE.topics())).isEqualTo(ARTICLE);
    }

    @Test
    void aVersionTwoRawPageReadsItsFeedNameAsSourceAndAVersionOneFeedStateToo() {
        String page = """
                {"schemaVersion":2,"id":"a1","url":"https://news.example/a","feedUrl":"https://news.example/rss",
                 "feedName":"Example","entry":{"link":"https://news.example/a"},"fetchedAt":"2026-12-01T00:00:00Z",
                 "httpStatus":200,"html":"<p>x</p>"}""";
        assertThat(Json.read(page.getBytes(StandardCharsets.UTF_8), RawPage.class).source()).isEqualTo("Example");
        assertThat(new String(Json.write(Json.read(page.getBytes(StandardCharsets.UTF_8), RawPage.class)),
                StandardCharsets.UTF_8)).contains("\"source\":\"Example\"").doesNotContain("feedName");

        String state = """
                {"schemaVersion":1,"feedUrl":"https://news.example/rss","feedName":"Example","consecutiveFailures":0,
                 "interval":"PT30M","nextPoll":"2026-12-01T00:30:00Z"}""";
        assertThat(Json.read(state.getBytes(StandardCharsets.UTF_8), FeedState.class).source()).isEqualTo("Example");
    }
}
