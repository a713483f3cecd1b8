package io.newsmon.enrich.kafka;

import io.newsmon.enrich.Enricher;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.ArticleId;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.Json;
import io.newsmon.model.RawPage;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two enrich instances in one consumer group on a real broker share their duplicate memory through
 * {@value KafkaTopics#FINGERPRINTS}, and a new instance started after them knows every original.
 */
class SharedDuplicatesIT {
    private static final Instant FETCHED = Instant.parse("2026-03-01T12:00:00Z");
    private static final String ORIGINAL = "https://meridian-ledger.example/tech/huawei-licence-extension";
    private static final String COPY = "https://partner-daily.example/world/huawei-licence";
    private static final String LATE_COPY = "https://third-site.example/huawei-licence-copy";
    private static TopicTagger tagger;

    @BeforeAll
    static void buildTagger() {
        tagger = new TopicTagger(TopicsFile.bundled());
    }

    @AfterAll
    static void closeTagger() {
        tagger.close();
    }

    @Test
    void instancesLearnEachOthersOriginalsAndANewInstanceKnowsThemAll() throws Exception {
        try (TestKafka kafka = TestKafka.start()) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "shared-duplicates-test");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
                admin.ensureTopics(KafkaTopics.all(tagger.topics().stream().map(t -> t.id()).toList()));
            }
            Duplicates first = new Duplicates(Duplicates.DEFAULT_WINDOW);
            Duplicates second = new Duplicates(Duplicates.DEFAULT_WINDOW);
            // two processes of the stage: each has an instance id of its own
            try (EnrichService one = service(settings.withInstanceId("one"), first);
                 EnrichService two = service(settings.withInstanceId("two"), second)) {
                Thread.ofPlatform().daemon().start(one::run);
                Thread.ofPlatform().daemon().start(two::run);

                publish(kafka, page(ORIGINAL, fixture()));
                await(() -> first.size() == 1 && second.size() == 1, "both instances remember the original");

                publish(kafka, page(COPY, edited(fixture())));
                awaitEveryPageProcessed(settings);
                List<EnrichedArticle> duplicates = read(kafka, KafkaTopics.DUPLICATES);
                assertThat(duplicates).singleElement().satisfies(copy -> {
                    assertThat(copy.id()).isEqualTo(ArticleId.of(COPY));
                    assertThat(copy.duplicateOf()).isEqualTo(ArticleId.of(ORIGINAL));
                    assertThat(copy.similarity()).isBetween(Duplicates.NEAR_THRESHOLD, 1.0);
                });
                assertThat(one.duplicates() + two.duplicates()).isEqualTo(1);
                assertThat(one.enriched() + two.enriched()).isEqualTo(1);
            }

            Duplicates restarted = new Duplicates(Duplicates.DEFAULT_WINDOW);
            try (EnrichService three = service(settings.withInstanceId("three"), restarted)) {
                Thread.ofPlatform().daemon().start(three::run);
                publish(kafka, page(LATE_COPY, fixture()));
                awaitEveryPageProcessed(settings);
                List<EnrichedArticle> duplicates = read(kafka, KafkaTopics.DUPLICATES);
                assertThat(duplicates).extracting(EnrichedArticle::id)
                        .containsExactlyInAnyOrder(ArticleId.of(COPY), ArticleId.of(LATE_COPY));
                assertThat(duplicates).filteredOn(d -> d.id().equals(ArticleId.of(LATE_COPY))).singleElement()
                        .satisfies(copy -> assertThat(copy.duplicateOf()).isEqualTo(ArticleId.of(ORIGINAL)));
                assertThat(restarted.size()).isEqualTo(1);
                assertThat(three.enriched()).isZero();
            }
        }
    }

    private static EnrichService service(KafkaSettings settings, Duplicates duplicates) {
        return new EnrichService(settings, new Enricher(new TextExtractor(), new MetadataExtractor(), tagger,
                duplicates), duplicates, Clock.systemUTC(), new SimpleMeterRegistry());
    }

    private static void publish(TestKafka kafka, RawPage page) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers());
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(KafkaTopics.RAW, page.id(), Json.write(page))).get();
        }
    }

    /** Waits until the group has committed every page of {@value KafkaTopics#RAW}, and so published all it will. */
    private static void awaitEveryPageProcessed(KafkaSettings settings) throws InterruptedException {
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.RAW));
            await(() -> admin.processed(EnrichService.GROUP, backlog) == backlog.total(),
                    "enrich committed the " + backlog.total() + " pages");
        }
    }

    /** The committed articles in {@code topic}, read to its end. */
    private static List<EnrichedArticle> read(TestKafka kafka, String topic) {
        return TopicContents.bytes(kafka.bootstrapServers(), topic, true).stream()
                .map(value -> Json.read(value, EnrichedArticle.class)).toList();
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(50);
        }
    }

    private static RawPage page(String url, String html) {
        FeedEntry entry = new FeedEntry("Feed title", url, FETCHED, null, null);
        return new RawPage(RawPage.SCHEMA_VERSION, ArticleId.of(url), url, "https://feeds.example/rss", "Feeds", entry,
                FETCHED, 200, "text/html", "UTF-8", html);
    }

    /** The fixture with its first body paragraph rewritten and its canonical link removed. */
    private static String edited(String html) {
        int start = html.indexOf("<p>", html.indexOf("<article"));
        int end = html.indexOf("</p>", start);
        return html.substring(0, start) + "<p>A rewritten opening paragraph with the partner's own framing of the"
                + " story and a figure from a later statement.</p>" + html.substring(end + 4);
    }

    private static String fixture() throws IOException {
        try (InputStream in = SharedDuplicatesIT.class.getResourceAsStream(
                "/io/newsmon/enrich/extract/pages/semantic-article.html")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceFirst("<link rel=\"canonical\"[^>]*>", "");
        }
    }
}
