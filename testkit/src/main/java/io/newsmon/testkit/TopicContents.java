package io.newsmon.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What a topic holds, read so that a test can rely on the answer: {@link #read} reads every partition from
 * its start to the end offset it had when the read began (the last stable offset when reading
 * {@code read_committed}), so it returns once it has everything there is and cannot stop early because
 * records were slow to arrive, nor pass because it read nothing in time. To check that nothing was sent,
 * compare {@link #endOffsets} before and after.
 *
 * <p>Read once the writers are done (their stage stopped, or their consumer group caught up): what is
 * written after the read began is not in its answer.
 *
 * <p>Example: {@code TopicContents.values(kafka.bootstrapServers(), "news.dlq", true)}.
 */
public final class TopicContents {
    /** The longest a read may take before it fails, saying how far it got. */
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Large enough for the largest record the pipeline writes. */
    private static final int FETCH_BYTES = 16 * 1024 * 1024;

    private TopicContents() {
    }

    /** Every record of {@code topic}, in order per partition, keys and values as UTF-8 text (null stays null). */
    public static List<ConsumerRecord<String, String>> read(String bootstrapServers, String topic, boolean readCommitted) {
        return read(bootstrapServers, topic, readCommitted, new StringDeserializer(), new StringDeserializer());
    }

    /** The values of every record of {@code topic}, as UTF-8 text, in order per partition. */
    public static List<String> values(String bootstrapServers, String topic, boolean readCommitted) {
        return read(bootstrapServers, topic, readCommitted).stream().map(ConsumerRecord::value).toList();
    }

    /** The values of every record of {@code topic} as bytes, in order per partition. */
    public static List<byte[]> bytes(String bootstrapServers, String topic, boolean readCommitted) {
        return read(bootstrapServers, topic, readCommitted, new ByteArrayDeserializer(), new ByteArrayDeserializer())
                .stream().map(ConsumerRecord::value).toList();
    }

    /**
     * Every record of {@code topic}, in order per partition, from the start of each partition to its end
     * offset at the start of the read; none for a topic that does not exist.
     *
     * @throws IllegalStateException when the end is not reached within a minute
     */
    public static <K, V> List<ConsumerRecord<K, V>> read(String bootstrapServers, String topic, boolean readCommitted,
                                                       Deserializer<K> keys, Deserializer<V> values) {
        List<ConsumerRecord<K, V>> records = new ArrayList<>();
        try (KafkaConsumer<K, V> consumer = new KafkaConsumer<>(config(bootstrapServers, readCommitted), keys, values)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    Map<TopicPartition, Long> positions = new HashMap<>();
                    partitions.forEach(p -> positions.put(p, consumer.position(p)));
                    throw new IllegalStateException(topic + " was not read to its end within " + TIMEOUT + ": at "
                            + positions + " of " + ends);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The end offset (high watermark) of each partition of {@code topic}: how many records and transaction
     * markers each partition has had written. Empty for a topic that does not exist.
     */
    public static Map<TopicPartition, Long> endOffsets(String bootstrapServers, String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config(bootstrapServers, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return Map.copyOf(consumer.endOffsets(partitions(consumer, topic)));
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic).stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    }

    private static Map<String, Object> config(String bootstrapServers, boolean readCommitted) {
        return Map.of("bootstrap.servers", bootstrapServers, "client.id", "test-topic-reader",
                "enable.auto.commit", false, "allow.auto.create.topics", false,
                "isolation.level", readCommitted ? "read_committed" : "read_uncommitted",
                "max.partition.fetch.bytes", FETCH_BYTES, "fetch.max.bytes", 4 * FETCH_BYTES);
    }
}
