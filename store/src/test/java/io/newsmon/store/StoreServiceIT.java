package io.newsmon.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.TopicAdmin;
import io.newsmon.kafka.Topics;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
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
            try (TopicAdmin admin = new TopicAdmin(settings)) {
                admin.ensureTopics(Topics.all(List.of()));
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
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (service.inserted() < 2 || service.rejected() < 2) {
                    assertThat(System.nanoTime()).as("stored and dead-lettered within 60 s").isLessThan(deadline);
                    Thread.sleep(100);
                }
            }

            assertThat(store.count()).isEqualTo(2);
            // only a1 says when its entry was read; a4 comes from an older writer
            Timer freshness = meters.get(StoreService.FRESHNESS).timer();
            assertThat(freshness.count()).isEqualTo(1);
            assertThat(freshness.max(TimeUnit.MILLISECONDS)).isBetween(3_000.0, 60_000.0);
            assertThat(meters.get(StoreService.WRITE_LATENCY).timer().count()).isGreaterThanOrEqualTo(2);
            assertThat(meters.get("newsmon.consumer.lag").tag("stage", "store").gauge().value()).isZero();
            assertThat(store.find("a1")).isPresent();
            assertThat(store.find("a4")).isPresent();
            List<DeadLetter> letters = deadLetters(kafka.bootstrapServers(), 2);
            assertThat(letters).extracting(DeadLetter::key).containsExactlyInAnyOrder("a2", "a3");
            assertThat(letters).allSatisfy(letter -> {
                assertThat(letter.stage()).isEqualTo("store");
                assertThat(letter.topic()).isEqualTo(Topics.ENRICHED);
            });
            assertThat(letters).filteredOn(l -> l.key().equals("a2")).singleElement()
                    .satisfies(l -> assertThat(l.error()).contains("rejected article a2"));
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String key, byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ENRICHED, 0, key, value)).get();
    }

    private static EnrichedArticle article(String id, String text, Instant discoveredAt) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/" + id, null, "Example",
                "https://news.example/feed.xml", "Title " + id, null, null, null, Instant.parse("2026-03-01T00:00:00Z"),
                "en", null, text, "hash-" + id, List.of(), null, null, discoveredAt);
    }

    private static List<DeadLetter> deadLetters(String bootstrap, int expected) {
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "group.id", "dlq-reader",
                "auto.offset.reset", "earliest");
        List<DeadLetter> letters = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.DLQ));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (letters.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r ->
                        letters.add(Json.read(r.value().getBytes(StandardCharsets.UTF_8), DeadLetter.class)));
            }
        }
        return letters;
    }
}
