package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a stage process starts and stops: it waits for what is away at start-up, and a SIGTERM is clean. */
class StageLifecycleIT {
    @TempDir
    Path workDir;

    @Test
    void storeStartedWhileTheDatabaseIsAwayWaitsSaysDownAndStoresOnceItIsBackThenStopsCleanlyOnSigterm()
            throws Exception {
        TestPostgres postgres = TestPostgres.start();
        Assumptions.assumeTrue(postgres != null, TestPostgres::whyUnavailable);
        try (postgres; TestPostgres.Proxied proxied = postgres.proxied(); TestKafka kafka = TestKafka.start()) {
            proxied.proxy().cut();
            int port = freePort();
            NewsmonJar.Running store = NewsmonJar.start(workDir, "store", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--store", proxied.jdbcUrl(), "--metrics-port", String.valueOf(port));
            try {
                awaitErr(store, "the database is unreachable", Duration.ofSeconds(60));
                HttpResponse<String> health = awaitHealth(port);
                assertThat(health.statusCode()).as(health.body()).isEqualTo(503);
                assertThat(health.body()).contains("\"database\":{").contains("DOWN");
                assertThat(store.process().isAlive()).as("store waits instead of exiting").isTrue();

                proxied.proxy().restore();
                publish(kafka.bootstrapServers(), article("a1"));
                try (ArticleStore direct = ArticleStore.open(postgres.jdbcUrl());
                     KafkaTopicAdmin admin = new KafkaTopicAdmin(new KafkaSettings(kafka.bootstrapServers(), "check"))) {
                    KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.ENRICHED));
                    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    while (admin.processed("newsmon-store", backlog) < backlog.total() && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                    }
                    assertThat(admin.processed("newsmon-store", backlog)).as("store committed the article: "
                            + store.errText()).isEqualTo(backlog.total()).isEqualTo(1);
                    assertThat(direct.count()).as(store.errText()).isEqualTo(1);
                }
                assertThat(get(port, "/health").statusCode()).isEqualTo(200);
            } finally {
                store.process().destroy();
            }
            assertThat(store.process().waitFor(30, TimeUnit.SECONDS)).as("store stops on SIGTERM").isTrue();
            assertCleanStop(store);
        }
    }

    @Test
    void enrichStoppedBySigtermLeavesNoTransactionOpenAndLogsOneLine() throws Exception {
        try (TestKafka kafka = TestKafka.start(); FixtureSite site = new FixtureSite()) {
            Path feeds = site.writeResource("/feeds.yml", workDir);
            Path topics = site.writeResource("/topics.yml", workDir);
            NewsmonJar.Running enrich = NewsmonJar.start(workDir, "enrich", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--topics", topics.toString());
            NewsmonJar.Result ingest = NewsmonJar.run(workDir, "ingest", "--once", "--bootstrap-servers",
                    kafka.bootstrapServers(), "--feeds", feeds.toString(), "--allow-private-addresses",
                    "--per-host-delay", "PT0S");
            assertThat(ingest.exitCode()).as(ingest.err()).isZero();
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "check");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
                KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.RAW));
                long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (admin.processed("newsmon-enrich", backlog) < backlog.total() && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                assertThat(admin.processed("newsmon-enrich", backlog)).as(enrich.errText()).isEqualTo(backlog.total());
            }
            enrich.process().destroy();
            assertThat(enrich.process().waitFor(30, TimeUnit.SECONDS)).as("enrich stops on SIGTERM").isTrue();
            assertCleanStop(enrich);
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
                admin.describeTopics(List.of(KafkaTopics.ENRICHED)).allTopicNames().get().get(KafkaTopics.ENRICHED).partitions()
                        .forEach(p -> partitions.put(new TopicPartition(KafkaTopics.ENRICHED, p.partition()), OffsetSpec.latest()));
                var committed = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                        .all().get();
                var written = admin.listOffsets(partitions, new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED))
                        .all().get();
                assertThat(written.values()).extracting(o -> o.offset()).as("enrich published").anyMatch(o -> o > 0);
                partitions.keySet().forEach(partition -> assertThat(committed.get(partition).offset())
                        .as("no transaction left open in " + partition).isEqualTo(written.get(partition).offset()));
            }
        }
    }

    /** One line says the stop; nothing was interrupted and nothing logged an error. */
    private static void assertCleanStop(NewsmonJar.Running stage) throws IOException {
        String err = stage.errText();
        assertThat(err.lines().filter(line -> line.contains("stopping on signal")).count()).as(err).isEqualTo(1);
        assertThat(err).doesNotContain("Interrupted").doesNotContain("InterruptException").doesNotContain("ERROR")
                .doesNotContain("could not abort");
        assertThat(stage.process().exitValue()).as(err).isIn(0, 143);
    }

    private static void publish(String bootstrap, EnrichedArticle article) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(new KafkaSettings(bootstrap, "test").producer())) {
            producer.send(new ProducerRecord<>(KafkaTopics.ENRICHED, article.id(), Json.write(article))).get();
        }
    }

    private static EnrichedArticle article(String id) {
        return new EnrichedArticle(EnrichedArticle.SCHEMA_VERSION, id, "https://news.example/" + id, null, "Example",
                "https://news.example/feed.xml", "Title " + id, null, null, null, Instant.parse("2026-03-01T00:00:00Z"),
                "en", null, "Some text.", "hash-" + id, List.of(), null, null, null);
    }

    private static void awaitErr(NewsmonJar.Running stage, String text, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(stage.err()).contains(text)) {
            assertThat(stage.process().isAlive()).as("still running: " + stage.errText()).isTrue();
            assertThat(System.nanoTime()).as("\"" + text + "\" within " + timeout + ": " + stage.errText())
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static HttpResponse<String> awaitHealth(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return get(port, "/health");
            } catch (IOException notYet) {
                assertThat(System.nanoTime()).as("/health answers").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
