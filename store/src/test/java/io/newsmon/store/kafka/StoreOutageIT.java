package io.newsmon.store.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.testkit.TcpProxy;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TestPostgres;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under the store stage (a proxy between them is cut) while articles keep
 * arriving: store keeps retrying with backoff, and once the database is back it stores every article
 * once, none lost.
 */
class StoreOutageIT {
    /** How long the database is away; `-Dnewsmon.outage=PT30S` for the full fault. */
    private static final Duration OUTAGE = Duration.parse(System.getProperty("newsmon.outage", "PT5S"));

    @Test
    void storesEveryArticleOnceAfterTheDatabaseComesBack() throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        try (postgres; TestKafka kafka = TestKafka.start();
             TestPostgres.Proxied proxied = postgres.proxied();
             ArticleStore direct = ArticleStore.open(postgres.jdbcUrl());
             ArticleStore viaProxy = ArticleStore.open(proxied.jdbcUrl())) {
            TcpProxy proxy = proxied.proxy();
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "outage-test");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings);
                 StoreService service = new StoreService(settings, viaProxy, Clock.systemUTC(), new SimpleMeterRegistry());
                 var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
                admin.ensureTopics(KafkaTopics.all(List.of()));
                new Thread(service::run).start();
                publish(producer, 0, 20);
                awaitCommitted(admin, 20, Duration.ofSeconds(60));
                assertThat(direct.count()).isEqualTo(20);

                proxy.cut();
                publish(producer, 20, 40);
                Thread.sleep(OUTAGE.toMillis());
                assertThat(direct.count()).as("nothing written while the database is away").isEqualTo(20);
                assertThat(admin.processed(StoreService.GROUP, admin.backlog(List.of(KafkaTopics.ENRICHED))))
                        .as("nor committed: the articles that came during the outage are kept").isEqualTo(20);
                long restored = System.nanoTime();
                proxy.restore();

                awaitCommitted(admin, 40, Duration.ofSeconds(120));
                System.out.printf("store outage: database away %d s, all 40 articles stored %.1f s after it came back%n",
                        OUTAGE.toSeconds(), (System.nanoTime() - restored) / 1e9);
                assertThat(service.rejected()).isZero();
            }
            assertThat(direct.count()).isEqualTo(40);
            for (int i = 0; i < 40; i++) {
                assertThat(direct.find("outage-" + i)).as("article %d", i).isPresent();
            }
        }
    }

    private static void publish(KafkaProducer<String, byte[]> producer, int from, int to) throws Exception {
        for (int i = from; i < to; i++) {
            EnrichedArticle article = new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, "outage-" + i,
                    "https://news.example/outage/" + i, null, "Example", "https://news.example/feed.xml", "Title " + i,
                    null, null, null, Instant.parse("2026-03-01T00:00:00Z"), "en", null, "Text of article " + i + ".",
                    "hash-" + i, List.of(), null, null);
            producer.send(new ProducerRecord<>(KafkaTopics.ENRICHED, article.id(), Json.write(article))).get();
        }
    }

    /**
     * Waits until store has committed {@code expected} records of {@value KafkaTopics#ENRICHED}, all there are:
     * it commits only what it has written, so the rows are in and no write of them is still to come.
     */
    private static void awaitCommitted(KafkaTopicAdmin admin, long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.ENRICHED));
        assertThat(backlog.total()).as("records published").isEqualTo(expected);
        while (admin.processed(StoreService.GROUP, backlog) < expected) {
            assertThat(System.nanoTime()).as(expected + " records committed within " + timeout).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
