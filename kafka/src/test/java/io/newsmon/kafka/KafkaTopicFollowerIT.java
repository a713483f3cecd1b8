package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both ways of following a topic on a real broker: every partition, or a group's share of them. */
class KafkaTopicFollowerIT {
    private static final String TOPIC = "test.state";
    private static final int PARTITIONS = 4;

    private TestKafka kafka;
    private KafkaSettings settings;

    @BeforeEach
    void start() throws Exception {
        kafka = TestKafka.start();
        settings = new KafkaSettings(kafka.bootstrapServers(), "test");
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            admin.ensureTopics(List.of(new KafkaTopicSpec(TOPIC, PARTITIONS, Map.of("cleanup.policy", "compact"))));
        }
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (int p = 0; p < PARTITIONS; p++) {
                for (int i = 0; i < 3; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, p, "p" + p + "-k" + i, bytes("v" + i))).get();
                }
            }
        }
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void anUnsharedFollowerReadsEveryPartitionBeforeItIsCaughtUp() {
        Set<String> keys = ConcurrentHashMap.newKeySet();
        try (KafkaTopicFollower follower = new KafkaTopicFollower(settings, TOPIC, (key, value) -> keys.add(key)).start()) {
            follower.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(keys).hasSize(PARTITIONS * 3);
        }
    }

    @Test
    void sharedFollowersSplitThePartitionsAndTheSurvivorTakesThemAllBack() throws Exception {
        Held a = new Held();
        Held b = new Held();
        try (KafkaTopicFollower first = KafkaTopicFollower.shared(settings.withInstanceId("a"), TOPIC, "g", a::record, a).start()) {
            first.awaitCaughtUp(Duration.ofSeconds(30));
            assertThat(a.loaded).hasSize(PARTITIONS);
            assertThat(a.keys).as("a partition is read from its beginning before it counts as loaded")
                    .hasSize(PARTITIONS * 3);

            try (KafkaTopicFollower second = KafkaTopicFollower.shared(settings.withInstanceId("b"), TOPIC, "g", b::record, b)
                    .start()) {
                awaitTrue(() -> !a.loaded.isEmpty() && !b.loaded.isEmpty()
                        && a.loaded.size() + b.loaded.size() == PARTITIONS, Duration.ofSeconds(60));
                Set<Integer> overlap = new HashSet<>(a.loaded);
                overlap.retainAll(b.loaded);
                assertThat(overlap).as("no partition held twice").isEmpty();
                assertThat(b.keys).allSatisfy(key -> assertThat(b.loaded).contains(partitionOf(key)));
            }
            awaitTrue(() -> a.loaded.size() == PARTITIONS, Duration.ofSeconds(60));
            first.awaitCaughtUp(Duration.ofSeconds(30));
        }
        assertThat(a.loaded).as("a closed follower holds nothing").isEmpty();
    }

    private static int partitionOf(String key) {
        return Integer.parseInt(key.substring(1, key.indexOf('-')));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** What one shared follower holds and has read. */
    private static final class Held implements KafkaTopicFollower.Partitions {
        final Set<Integer> loaded = ConcurrentHashMap.newKeySet();
        final Set<String> keys = ConcurrentHashMap.newKeySet();

        void record(org.apache.kafka.clients.consumer.ConsumerRecord<byte[], byte[]> record) {
            keys.add(new String(record.key(), StandardCharsets.UTF_8));
        }

        @Override
        public void loaded(int partition) {
            loaded.add(partition);
        }

        @Override
        public void revoked(int partition) {
            loaded.remove(partition);
        }
    }

    private interface Check {
        boolean ok();
    }

    private static void awaitTrue(Check check, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("condition not met within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
