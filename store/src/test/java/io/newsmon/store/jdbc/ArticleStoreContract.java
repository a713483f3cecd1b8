package io.newsmon.store.jdbc;

import static io.newsmon.store.jdbc.Articles.article;
import static io.newsmon.store.jdbc.Articles.topic;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.TopicTag;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The behaviour every dialect must show; subclasses supply an empty database. */
abstract class ArticleStoreContract {
    protected final TestClock clock = new TestClock("2024-03-05T10:00:00Z");
    protected String url;
    protected ArticleStore store;

    /** The JDBC URL of a new, empty database. */
    protected abstract String newDatabase() throws Exception;

    /** Makes the database reject inserting the article {@code id}, as a failing row would. */
    protected abstract void rejectInsertsOf(String id) throws SQLException;

    @BeforeEach
    void openStore() throws Exception {
        url = newDatabase();
        store = ArticleStore.open(url, StoreOptions.DEFAULTS.withClock(clock));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void insertsNewArticlesAndFindsThemById() {
        List<EnrichedArticle> fixture = Articles.fixture();

        assertThat(store.upsert(fixture)).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(3, 0);

        assertThat(store.count()).isEqualTo(3);
        for (EnrichedArticle article : fixture) {
            assertThat(store.find(article.id())).contains(article);
        }
    }

    @Test
    void writingTheSameBatchAgainChangesNothing() throws SQLException {
        List<EnrichedArticle> fixture = Articles.fixture();
        store.upsert(fixture);
        List<EnrichedArticle> before = exportAll(ExportQuery.ALL);
        clock.set("2024-03-05T11:30:00Z");

        assertThat(store.upsert(fixture)).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(0, 3);

        assertThat(exportAll(ExportQuery.ALL)).isEqualTo(before);
        assertThat(store.count()).isEqualTo(3);
        assertThat(storedAt(fixture.get(0).id())).isEqualTo(Instant.parse("2024-03-05T10:00:00Z"));
    }

    @Test
    void keepsTheStoredArticleWhenItsIdArrivesAgainWithOtherContent() {
        EnrichedArticle original = Articles.fixture().get(0);
        store.upsert(List.of(original));
        EnrichedArticle changed = Articles.retagged(Articles.retitled(original, "Rewritten headline"),
                topic("energy", 9.0)).asDuplicateOf("e07b3f5c2d914a8c9e6f1a2b3c4d5e6f", 0.9);

        WriteResult result = store.upsert(List.of(changed, article("new-one", "2024-03-05T09:00:00Z", null)));

        assertThat(result).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(1, 1);
        assertThat(result.insertedIds()).containsExactly("new-one");
        assertThat(store.find(original.id())).contains(original);
        assertThat(store.topicIds(original.id())).containsExactly("export-controls", "semiconductors");
    }

    @Test
    void insertsAnIdOnceWhenABatchRepeatsIt() {
        EnrichedArticle first = article("twice", "2024-03-05T08:00:00Z", null, topic("logistics", 1));
        EnrichedArticle second = Articles.retagged(Articles.retitled(first, "Second version"), topic("energy", 2));

        assertThat(store.upsert(List.of(first, second))).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(1, 1);

        assertThat(store.count()).isEqualTo(1);
        assertThat(store.find("twice")).contains(first);
    }

    @Test
    void roundTripsTopicsWithScoresEvidenceAndOrder() {
        List<TopicTag> topics = List.of(
                new TopicTag("sanctions", 0.125, List.of("asset freeze: \"...an \\\"asset freeze\\\" on...\"",
                        "line one\nline two", "Zoë — “quoted” 日本語")),
                new TopicTag("energy", 7.5e-3, List.of()),
                new TopicTag("aviation", 0, List.of("{\"not\": \"json object\"}")));
        EnrichedArticle tagged = article("tagged", "2024-03-05T08:00:00Z", null).asDuplicateOf("original", 0.84375);
        tagged = Articles.retagged(tagged, topics.toArray(TopicTag[]::new));

        store.upsert(List.of(tagged));

        EnrichedArticle found = store.find("tagged").orElseThrow();
        assertThat(found.topics()).isEqualTo(topics);
        assertThat(found.duplicateOf()).isEqualTo("original");
        assertThat(found.similarity()).isEqualTo(0.84375);
        assertThat(store.topicIds("tagged")).containsExactly("sanctions", "energy", "aviation");
    }

    @Test
    void roundTripsAnArticleWithOnlyTheRequiredFields() {
        EnrichedArticle bare = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "bare",
                "https://news.example/bare", null, null, null, null, null, null, null, Instant.parse("2024-03-05T08:00:00Z"),
                null, null, null, null, null, null, null);

        store.upsert(List.of(bare));

        assertThat(store.find("bare")).contains(bare);
        assertThat(store.find("bare").orElseThrow().text()).isEmpty();
    }

    @Test
    void keepsTimesToTheMicrosecond() {
        EnrichedArticle precise = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "precise",
                "https://news.example/precise", null, "s", null, "t", null, Instant.parse("1970-01-01T00:00:00.000001Z"),
                Instant.parse("2098-06-30T12:00:00.000002Z"), Instant.parse("2099-12-31T23:59:59.123456789Z"), null,
                null, "x", null, null, null, null);

        store.upsert(List.of(precise));

        EnrichedArticle found = store.find("precise").orElseThrow();
        assertThat(found.publishedAt()).isEqualTo(Instant.parse("1970-01-01T00:00:00.000001Z"));
        assertThat(found.modifiedAt()).isEqualTo(Instant.parse("2098-06-30T12:00:00.000002Z"));
        assertThat(found.fetchedAt()).isEqualTo(Instant.parse("2099-12-31T23:59:59.123456Z"));
    }

    @Test
    void exportsInFetchTimeThenIdOrder() {
        List<EnrichedArticle> batch = new ArrayList<>(List.of(
                article("c", "2024-03-05T08:00:00.000001Z", null),
                article("b", "2024-03-05T08:00:00Z", null),
                article("a", "2024-03-05T08:00:00.000001Z", null),
                article("d", "2024-03-04T23:59:59.999999Z", "2024-03-06T00:00:00Z"),
                article("A", "2024-03-05T08:00:00.000001Z", null)));
        Collections.shuffle(batch, new Random(7));
        store.upsert(batch);

        assertThat(exportAll(ExportQuery.ALL)).extracting(EnrichedArticle::id).containsExactly("d", "b", "A", "a", "c");
    }

    @Test
    void exportsOnlyArticlesWithTheTopicButWithAllTheirTopics() {
        store.upsert(Articles.fixture());

        List<EnrichedArticle> exported = exportAll(new ExportQuery("export-controls", null));

        assertThat(exported).extracting(EnrichedArticle::id)
                .containsExactly("4c1d9e0b7a2f4e61b83a5d0c9f17e2aa", "b5a6c7d8e9f0412389abcdef01234567");
        assertThat(exported.get(0).topicIds()).containsExactly("export-controls", "semiconductors");
        assertThat(exportAll(new ExportQuery("no-such-topic", null))).isEmpty();
    }

    @Test
    void exportsArticlesPublishedSinceOrFetchedSinceWhenUndated() {
        store.upsert(List.of(
                article("old-news", "2024-03-05T08:00:00Z", "2024-02-01T12:00:00Z"),
                article("on-the-boundary", "2024-03-05T08:00:00Z", "2024-03-01T00:00:00Z"),
                article("undated-recent", "2024-03-02T08:00:00Z", null),
                article("undated-old", "2024-02-28T23:59:59.999999Z", null),
                article("backdated-fetch", "2024-01-01T00:00:00Z", "2024-03-03T00:00:00Z")));

        List<EnrichedArticle> exported = exportAll(new ExportQuery(null, Instant.parse("2024-03-01T00:00:00Z")));

        assertThat(exported).extracting(EnrichedArticle::id)
                .containsExactly("backdated-fetch", "undated-recent", "on-the-boundary");
    }

    @Test
    void combinesTopicAndSinceFilters() {
        store.upsert(List.of(
                article("tagged-recent", "2024-03-05T08:00:00Z", null, topic("energy", 1)),
                article("tagged-old", "2024-02-05T08:00:00Z", null, topic("energy", 1)),
                article("untagged-recent", "2024-03-05T08:00:00Z", null, topic("aviation", 1))));

        List<EnrichedArticle> exported = exportAll(new ExportQuery("energy", Instant.parse("2024-03-01T00:00:00Z")));

        assertThat(exported).extracting(EnrichedArticle::id).containsExactly("tagged-recent");
    }

    @Test
    void streamsMoreArticlesThanOneFetchWithTheirTopics() {
        int total = ArticleStore.EXPORT_FETCH_SIZE * 2 + 1;
        List<EnrichedArticle> batch = IntStream.range(0, total)
                .mapToObj(i -> article("bulk-%04d".formatted(i), Instant.parse("2024-03-01T00:00:00Z")
                        .plusSeconds(i).toString(), null, topic("energy", i), topic("logistics", 1)))
                .toList();
        store.upsert(batch);

        List<EnrichedArticle> exported = exportAll(ExportQuery.ALL);

        assertThat(exported).isEqualTo(batch);
    }

    @Test
    void insertsEachIdOnceWhenBatchesSharingIdsAreWrittenConcurrently() throws Exception {
        List<EnrichedArticle> articles = IntStream.range(0, 40)
                .mapToObj(i -> article("shared-%02d".formatted(i), "2024-03-05T08:00:00Z", null, topic("energy", i)))
                .toList();
        List<Callable<WriteResult>> writers = IntStream.range(0, 4)
                .mapToObj(w -> (Callable<WriteResult>) () -> store.upsert(shuffled(articles, w)))
                .toList();

        List<WriteResult> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers.size())) {
            for (Future<WriteResult> result : pool.invokeAll(writers)) {
                results.add(result.get());
            }
        }

        assertThat(results).extracting(WriteResult::total).containsOnly(40);
        assertThat(results.stream().mapToInt(WriteResult::inserted).sum()).isEqualTo(40);
        assertThat(exportAll(ExportQuery.ALL)).isEqualTo(articles);
    }

    private static List<EnrichedArticle> shuffled(List<EnrichedArticle> articles, long seed) {
        List<EnrichedArticle> copy = new ArrayList<>(articles);
        Collections.shuffle(copy, new Random(seed));
        return copy;
    }

    @Test
    void findsNothingForAnUnknownId() {
        store.upsert(Articles.fixture());

        assertThat(store.find("0000000000000000000000000000dead")).isEmpty();
        assertThat(store.topicIds("0000000000000000000000000000dead")).isEmpty();
    }

    @Test
    void writesNothingOfABatchWhenOneRowFails() throws SQLException {
        rejectInsertsOf("rejected");
        List<EnrichedArticle> batch = List.of(
                article("accepted", "2024-03-05T08:00:00Z", null, topic("energy", 1)),
                article("rejected", "2024-03-05T08:01:00Z", null));

        assertThatThrownBy(() -> store.upsert(batch))
                .isInstanceOf(StoreException.class)
                .isNotInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("writing 2 articles in " + JdbcUrls.mask(url));

        assertThat(store.count()).isZero();
        assertThat(store.topicIds("accepted")).isEmpty();
        assertThat(store.upsert(List.of(batch.get(0)))).extracting(WriteResult::inserted, WriteResult::unchanged).containsExactly(1, 0);
    }

    @Test
    void opensAnExistingDatabaseAgainWithItsArticles() {
        store.upsert(Articles.fixture());

        try (ArticleStore second = ArticleStore.open(url)) {
            assertThat(second.count()).isEqualTo(3);
            assertThat(second.upsert(List.of(article("via-second", "2024-03-05T08:00:00Z", null))).inserted())
                    .isEqualTo(1);
        }
        store.close();
        store = ArticleStore.open(url);

        assertThat(store.count()).isEqualTo(4);
    }

    protected List<EnrichedArticle> exportAll(ExportQuery query) {
        List<EnrichedArticle> exported = new ArrayList<>();
        store.export(query, exported::add);
        return exported;
    }

    private Instant storedAt(String id) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             PreparedStatement select = connection.prepareStatement("SELECT stored_at FROM article WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).as("article %s is stored", id).isTrue();
                return store.dialect().readInstant(rows, "stored_at");
            }
        }
    }
}
