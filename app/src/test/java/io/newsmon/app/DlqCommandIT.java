package io.newsmon.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.kafka.DeadLetters;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code newsmon dlq list} and {@code newsmon dlq replay} on a real broker. */
class DlqCommandIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
    private TestKafka kafka;

    @BeforeEach
    void start() throws Exception {
        kafka = TestKafka.start();
        KafkaSettings settings = new KafkaSettings(kafka.bootstrapServers(), "dlq-test");
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            admin.ensureTopics(KafkaTopics.all(List.of()));
        }
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            new DeadLetters(producer, "enrich", CLOCK).send(record(KafkaTopics.RAW, 3, 41, "page-1", "not json"),
                    "value \"not json\" is not JSON").get();
            new DeadLetters(producer, "store", CLOCK).send(record(KafkaTopics.ENRICHED, 0, 7, "article-2", "{\"id\":\"article-2\"}"),
                    "the database rejected article article-2: value too long for column title").get();
        }
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void listShowsEachDeadLetterWithItsOffsetOriginStageAndError() {
        Cli.Result list = Cli.execute("dlq", "list", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).contains("#0 2026-03-01T12:00:00Z enrich news.raw-3@41 key page-1: value \"not json\" is not JSON")
                .contains("#1 2026-03-01T12:00:00Z store news.enriched-0@7 key article-2: the database rejected article")
                .contains("2 dead letters (enrich 1, store 1)");

        Cli.Result store = Cli.execute("dlq", "list", "--stage", "store", "--json", "--bootstrap-servers",
                kafka.bootstrapServers());
        assertThat(store.out().strip().lines()).singleElement().satisfies(line ->
                assertThat(line).contains("\"offset\":1").contains("\"stage\":\"store\"").contains("\"key\":\"article-2\""));
    }

    @Test
    void replaySendsTheChosenLetterBackToItsTopicWithItsKey() {
        Map<TopicPartition, Long> rawBefore = TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.RAW);
        Cli.Result replay = Cli.execute("dlq", "replay", "--offset", "1", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(replay.exitCode()).as(replay.err()).isZero();
        assertThat(replay.out()).contains("replayed 1 dead letter: news.enriched 1");
        List<ConsumerRecord<String, String>> records = read(KafkaTopics.ENRICHED);
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.key()).isEqualTo("article-2");
            assertThat(r.value()).isEqualTo("{\"id\":\"article-2\"}");
        });
        assertThat(TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.RAW)).as("nothing sent to news.raw")
                .isNotEmpty().isEqualTo(rawBefore);
    }

    @Test
    void replayOfAnOffsetThatIsNoDeadLetterNamesItAndSendsNothing() {
        Map<TopicPartition, Long> before = TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.ENRICHED);
        Cli.Result replay = Cli.execute("dlq", "replay", "--offset", "1", "--offset", "9", "--bootstrap-servers",
                kafka.bootstrapServers());

        assertThat(replay.exitCode()).isEqualTo(1);
        assertThat(replay.err()).contains("no dead letter at offset 9 of news.dlq").contains("nothing was replayed");
        assertThat(TopicContents.endOffsets(kafka.bootstrapServers(), KafkaTopics.ENRICHED)).as("nothing sent")
                .isNotEmpty().isEqualTo(before);
    }

    @Test
    void replayWithoutAChoiceIsAUsageError() {
        Cli.Result replay = Cli.execute("dlq", "replay", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(replay.exitCode()).isEqualTo(2);
        assertThat(replay.err()).contains("--offset").contains("--all");
    }

    private static ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key, String value) {
        return new ConsumerRecord<>(topic, partition, offset, key.getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    /** Every record in {@code topic}, read to its end. */
    private List<ConsumerRecord<String, String>> read(String topic) {
        return TopicContents.read(kafka.bootstrapServers(), topic, false);
    }
}
