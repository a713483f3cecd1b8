package io.newsmon.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.StoreOptions;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TestPostgres;
import io.newsmon.testkit.TopicContents;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The store stage on a real broker and PostgreSQL: poison records go to the DLQ, the rest is stored. */
class StoreServiceIT {
    @Test
    void storesTheGoodArticlesAndDeadLettersWhatTheDatabaseOrTheDecoderRejects() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        try (postgres; TestKafka kafka = TestKafka.start(); ArticleStore store = ArticleStore.open(postgres.jdbcUrl())) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "test");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
                admin.ensureTopics(KafkaTopics.all(List.of()));
            }
            try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
                send(producer, "a1", Json.write(article("a1", "A clean article.", Instant.now().minusSeconds(3))));
                // PostgreSQL refuses the NUL character in text: the batch fails, then this article alone.
                send(producer, "a2", Json.write(article("a2", "A page with a NUL \u0000 in its text.", null)));
                send(producer, "a3", "{not json".getBytes(StandardCharsets.UTF_8));
                send(producer, "a4", Json.write(article("a4", "Another clean article.", null)));
            }

            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            try (StoreService service = new StoreService(settings, store, Clock.systemUTC(), meters)) {
                new Thread(service::run).start();
                awaitEveryRecordProcessed(settings);
                assertThat(service.inserted()).isEqualTo(2);
                assertThat(service.rejected()).isEqualTo(2);
            }

            assertThat(store.count()).isEqualTo(2);
            // only a1 says when its entry was read; a4 comes from an older writer
            Timer freshness = meters.get(StoreMetrics.FRESHNESS).timer();
            assertThat(freshness.count()).isEqualTo(1);
            assertThat(freshness.max(TimeUnit.MILLISECONDS)).isBetween(3_000.0, 60_000.0);
            assertThat(meters.get(StoreMetrics.WRITE_LATENCY).timer().count()).isGreaterThanOrEqualTo(2);
            assertThat(meters.get("newsmon.consumer.lag").tag("stage", "store").gauge().value()).isZero();
            assertThat(store.find("a1")).isPresent();
            assertThat(store.find("a4")).isPresent();
            List<DeadLetter> letters = deadLetters(kafka.bootstrapServers());
            assertThat(letters).extracting(DeadLetter::key).containsExactlyInAnyOrder("a2", "a3");
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.stage()).isEqualTo("store");
                assertThat(letter.topic()).isEqualTo(KafkaTopics.ENRICHED);
            });
            assertThat(letters).filteredOn(l -> l.key().equals("a2")).singleElement()
                    .satisfies(l -> assertThat(l.error()).contains("rejected article a2"));
        }
    }

    /**
     * An article whose write never ends (a trigger makes PostgreSQL sleep on it, standing for any write
     * the database cannot finish) is dead-lettered once its write runs past the record budget, here 1 s,
     * and the article beside it is stored: the partition does not stall.
     */
    @Test
    void anArticleWhoseWriteRunsPastTheBudgetIsDeadLetteredAndTheOthersAreStored() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        try (postgres; TestKafka kafka = TestKafka.start(); ArticleStore store = ArticleStore.open(postgres.jdbcUrl(),
                StoreOptions.DEFAULTS.withWriteTimeout(Duration.ofSeconds(1)))) {
            try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl());
                 Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE FUNCTION endless_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " IF NEW.title LIKE '%endless%' THEN PERFORM pg_sleep(3600); END IF; RETURN NEW; END $$");
                ddl.execute("CREATE TRIGGER endless_write BEFORE INSERT ON article FOR EACH ROW"
                        + " EXECUTE FUNCTION endless_write()");
            }
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "test");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
                admin.ensureTopics(KafkaTopics.all(List.of()));
            }
            EnrichedArticle endless = article("b1", "An article the database never finishes writing.", null);
            endless = new EnrichedArticle(endless.schemaVersion(), endless.id(), endless.url(), null, endless.source(),
                    endless.feedUrl(), "An endless write", null, null, null, endless.fetchedAt(), "en", null,
                    endless.text(), endless.contentHash(), List.of(), null, null, null);
            try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
                send(producer, "b1", Json.write(endless));
                send(producer, "b2", Json.write(article("b2", "A clean article.", null)));
            }

            try (StoreService service = new StoreService(settings, store, Clock.systemUTC(), new SimpleMeterRegistry())) {
                new Thread(service::run).start();
                awaitEveryRecordProcessed(settings);
                assertThat(service.inserted()).isEqualTo(1);
                assertThat(service.rejected()).isEqualTo(1);
            }

            assertThat(store.find("b2")).isPresent();
            assertThat(store.find("b1")).isEmpty();
            assertThat(deadLetters(kafka.bootstrapServers())).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo("b1");
                assertThat(letter.error()).contains("store gave up article b1",
                        "took longer than the record budget of 1 s", "while the database answered");
            });
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(KafkaTopics.ENRICHED, 0, key, value)).get();
    }

    private static EnrichedArticle article(String id, String text, Instant discoveredAt) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/" + id, null, "Example",
                "https://news.example/feed.xml", "Title " + id, null, null, null, Instant.parse("2026-03-01T00:00:00Z"),
                "en", null, text, "hash-" + id, List.of(), null, null, discoveredAt);
    }

    /**
     * Waits until store has committed every record of {@value KafkaTopics#ENRICHED}: it commits a batch once its
     * rows are written and its dead letters acknowledged, so nothing more comes after.
     */
    private static void awaitEveryRecordProcessed(KafkaSettings settings) throws InterruptedException {
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.ENRICHED));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.processed(StoreService.GROUP, backlog) < backlog.total()) {
                assertThat(System.nanoTime()).as("store committed the %d records within 60 s", backlog.total())
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** The dead letters, read to the end of {@value KafkaTopics#DLQ}. */
    private static List<DeadLetter> deadLetters(String bootstrap) {
        return TopicContents.bytes(bootstrap, KafkaTopics.DLQ, false).stream().map(value -> Json.read(value, DeadLetter.class))
                .toList();
    }
}
