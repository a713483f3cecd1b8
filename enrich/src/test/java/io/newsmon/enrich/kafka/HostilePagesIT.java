package io.newsmon.enrich.kafka;

import io.newsmon.enrich.Analysis;
import io.newsmon.enrich.Enricher;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.RandomBodies;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.ArticleId;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.Json;
import io.newsmon.model.RawPage;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * No page can stall enrich on a real broker: a page whose analysis never ends, one whose analysis
 * overflows the stack and one of random bytes sent as {@code text/html} are dead-lettered with the reason,
 * and the pages beside them, a title of two hundred thousand vertical tabs among them (which once took
 * minutes), are enriched, all within {@link #BOUND}.
 */
class HostilePagesIT {
    /** The bound stated for the whole test: five pages, one of which uses up a record budget of 5 s. */
    private static final Duration BOUND = Duration.ofSeconds(60);
    /** Far above what a page takes even on a cold JVM (the first page loads the language models). */
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private static final Instant FETCHED = Instant.parse("2026-03-01T12:00:00Z");
    private static final String BODY = "<p>" + "The Commerce Department extended the licence for Huawei's suppliers"
            + " by ninety days, officials said on Monday, citing rural carriers. ".repeat(5) + "</p>";

    @Test
    void pagesThatNeverEndOverflowOrAreNotTextAreDeadLetteredAndTheOthersAreEnriched() throws Exception {
        RawPage endless = page("https://hostile.example/endless", "<html><body>" + BODY + "</body></html>");
        RawPage overflowing = page("https://hostile.example/overflow", "<html><body>" + BODY + "</body></html>");
        RawPage binary = page("https://hostile.example/binary",
                RandomBodies.asIngestPublishes(RandomBodies.randomText(2026, 3_000, "UTF-8")));
        RawPage tabs = page("https://hostile.example/tabs", "<html><head><title>Huawei" + "\u000b".repeat(200_000)
                + "licence | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body>" + BODY
                + "</body></html>");
        RawPage normal = page("https://news.example/licence", "<html><head><title>Licence extended</title></head><body>"
                + "<p>" + "Lawmakers in Brussels debated new rules for network equipment vendors, weighing the costs"
                + " of replacing installed radio gear against security advice. ".repeat(5) + "</p></body></html>");
        CountDownLatch release = new CountDownLatch(1);
        try (TestKafka kafka = TestKafka.start(); TopicTagger tagger = new TopicTagger(TopicsFile.bundled())) {
            KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "hostile-pages-test");
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
                admin.ensureTopics(KafkaTopics.all(tagger.topics().stream().map(t -> t.id()).toList()));
            }
            Duplicates duplicates = new Duplicates(Duplicates.DEFAULT_WINDOW);
            Enricher enricher = new Enricher(new TextExtractor(), new MetadataExtractor(), tagger, duplicates);
            Function<RawPage, Analysis> analyser = page -> switch (page.url()) {
                case "https://hostile.example/endless" -> hang(release);
                case "https://hostile.example/overflow" -> overflow(0);
                default -> enricher.analyse(page);
            };
            for (RawPage page : List.of(endless, overflowing, binary, tabs, normal)) {
                publish(kafka, page);
            }
            long start = System.nanoTime();
            try (EnrichService service = new EnrichService(settings, enricher, analyser, duplicates, Clock.systemUTC(),
                    new SimpleMeterRegistry(), BUDGET)) {
                Thread.ofPlatform().daemon().start(service::run);
                awaitEveryPageProcessed(settings);
                List<EnrichedArticle> enriched = read(kafka, KafkaTopics.ENRICHED, EnrichedArticle.class);
                List<DeadLetter> letters = read(kafka, KafkaTopics.DLQ, DeadLetter.class);

                assertThat(enriched).extracting(EnrichedArticle::id).containsExactlyInAnyOrder(tabs.id(), normal.id());
                assertThat(enriched).filteredOn(a -> a.id().equals(tabs.id())).singleElement()
                        .satisfies(a -> assertThat(a.title()).isEqualTo("Huawei licence"));
                assertThat(letters).extracting(DeadLetter::key)
                        .containsExactlyInAnyOrder(endless.id(), overflowing.id(), binary.id());
                assertThat(letters).filteredOn(l -> l.key().equals(endless.id())).singleElement()
                        .satisfies(l -> assertThat(l.error()).contains("enrich gave up page https://hostile.example/endless",
                                "took longer than the record budget of 5 s"));
                assertThat(letters).filteredOn(l -> l.key().equals(overflowing.id())).singleElement()
                        .satisfies(l -> assertThat(l.error()).contains("enrich failed on page https://hostile.example/overflow",
                                "StackOverflowError"));
                assertThat(letters).filteredOn(l -> l.key().equals(binary.id())).singleElement()
                        .satisfies(l -> assertThat(l.error()).contains("page https://hostile.example/binary: 1,545 of its"
                                + " 2,763 characters other than whitespace (55.9%) are not text",
                                "more than 5% of them are not text"));
                assertThat(service.rejected()).isEqualTo(3);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(BOUND);
            }
        } finally {
            release.countDown();
        }
    }

    /** Stands for analysis that never ends: it ignores interrupts, like a regular expression backtracking. */
    private static Analysis hang(CountDownLatch release) {
        while (release.getCount() > 0) {
            try {
                release.await();
            } catch (InterruptedException ignored) {
                // hostile work does not stop when asked
            }
        }
        throw new IllegalStateException("released at the end of the test");
    }

    private static Analysis overflow(int depth) {
        return depth < 0 ? null : overflow(depth + 1);
    }

    private static void publish(TestKafka kafka, RawPage page) throws Exception {
        Map<String, Object> config = Map.of("bootstrap.servers", kafka.bootstrapServers(), "max.request.size",
                KafkaTopics.MAX_RECORD_BYTES);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(KafkaTopics.RAW, page.id(), Json.write(page))).get();
        }
    }

    /**
     * Waits (up to {@link #BOUND}) until enrich has committed every page of {@value KafkaTopics#RAW}: its output
     * and dead letters are then committed in the same transactions, and no more can come.
     */
    private static void awaitEveryPageProcessed(KafkaSettings settings) throws InterruptedException {
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(KafkaTopics.RAW));
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (admin.processed(EnrichService.GROUP, backlog) < backlog.total()) {
                assertThat(System.nanoTime()).as("enrich processed the %d pages within %s", backlog.total(), BOUND)
                        .isLessThan(deadline);
                Thread.sleep(100);
            }
        }
    }

    /** The committed records of {@code topic}, read to its end. */
    private static <T> List<T> read(TestKafka kafka, String topic, Class<T> type) {
        return TopicContents.bytes(kafka.bootstrapServers(), topic, true).stream().map(value -> Json.read(value, type))
                .toList();
    }

    private static RawPage page(String url, String html) {
        FeedEntry entry = new FeedEntry("Feed title", url, FETCHED, null, null);
        return new RawPage(RawPage.SCHEMA_VERSION, ArticleId.of(url), url, "https://feeds.example/rss", "Feeds", entry,
                FETCHED, 200, "text/html", "UTF-8", html);
    }
}
