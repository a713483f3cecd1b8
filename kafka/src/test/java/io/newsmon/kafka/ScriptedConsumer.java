package io.newsmon.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;

/**
 * Kafka's {@link MockConsumer} driven by a script of polls, for unit tests of the consumer loop. Each
 * {@link #then step} runs on the loop's thread at the start of one poll (assign partitions, add records,
 * stop the loop), in order; the records a step adds are returned by that poll. On top of the mock it
 * <ul>
 *   <li>moves past transaction markers as {@code KafkaConsumer} does: after a poll, a partition whose
 *       position is on a {@link #marker marker} offset is positioned after it, so its position is past the
 *       last record + 1;</li>
 *   <li>keeps every {@code commitSync} and every {@code seek} of the code under test, in order;</li>
 *   <li>fails with an {@link AssertionError} when the script runs out, so a loop that does not stop
 *       cannot spin for ever.</li>
 * </ul>
 */
final class ScriptedConsumer extends MockConsumer<byte[], byte[]> {
    static final String TOPIC = "in";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private final Map<TopicPartition, Set<Long>> markers = new HashMap<>();
    private final List<Map<TopicPartition, Long>> commits = new ArrayList<>();
    private final List<Map.Entry<TopicPartition, Long>> seeks = new ArrayList<>();
    private int steps;
    private int polls;
    private CloseOptions closedWith;
    /** Whether a seek is the mock's own (resetting a position, moving past a marker). */
    private boolean ownSeek;

    ScriptedConsumer() {
        super("earliest");
        updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    }

    /** Adds {@code step} to the script: it runs at the start of the next poll that has no step yet. */
    ScriptedConsumer then(Runnable step) {
        steps++;
        schedulePollTask(step);
        return this;
    }

    /** A first step: the group assigns {@code partitions} to this consumer. */
    ScriptedConsumer assigned(TopicPartition... partitions) {
        return then(() -> rebalance(List.of(partitions)));
    }

    /** Adds records at {@code offsets} of {@code partition}, their values {@code "v<offset>"}. */
    void add(TopicPartition partition, long... offsets) {
        for (long offset : offsets) {
            addRecord(new ConsumerRecord<>(partition.topic(), partition.partition(), offset,
                    ("k" + offset).getBytes(StandardCharsets.UTF_8), ("v" + offset).getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Says that {@code offset} of {@code partition} holds a transaction marker, which no poll returns. */
    void marker(TopicPartition partition, long offset) {
        markers.computeIfAbsent(partition, p -> new HashSet<>()).add(offset);
    }

    @Override
    public synchronized ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
        if (polls++ >= steps) {
            throw new AssertionError("the loop polled past the end of the script (" + steps + " steps)");
        }
        ownSeek = true;
        try {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            for (TopicPartition partition : assignment()) {
                long position = position(partition);
                while (markers.getOrDefault(partition, Set.of()).contains(position)) {
                    position++;
                }
                seek(partition, position);
            }
            return records;
        } finally {
            ownSeek = false;
        }
    }

    @Override
    public synchronized void commitSync(Map<TopicPartition, OffsetAndMetadata> offsets) {
        Map<TopicPartition, Long> commit = new HashMap<>();
        offsets.forEach((partition, offset) -> commit.put(partition, offset.offset()));
        commits.add(commit);
        super.commitSync(offsets);
    }

    @Override
    public synchronized void seek(TopicPartition partition, long offset) {
        if (!ownSeek) {
            seeks.add(Map.entry(partition, offset));
        }
        super.seek(partition, offset);
    }

    @Override
    public void close(CloseOptions options) {
        closedWith = options;
        super.close(options);
    }

    /** The offsets of each {@code commitSync}, in order. */
    List<Map<TopicPartition, Long>> commits() {
        return commits;
    }

    /** The seeks of the code under test, in order. */
    List<Map.Entry<TopicPartition, Long>> seeks() {
        return seeks;
    }

    /** How many polls the loop made. */
    int polls() {
        return polls;
    }

    /** The options of the close, or null while open. */
    CloseOptions closedWith() {
        return closedWith;
    }

    /** The offsets each committed transaction of {@code producer} holds, in order; one group per transaction. */
    static List<Map<TopicPartition, Long>> offsetsInTransactions(MockProducer<?, ?> producer) {
        List<Map<TopicPartition, Long>> commits = new ArrayList<>();
        for (Map<String, Map<TopicPartition, OffsetAndMetadata>> byGroup : producer.consumerGroupOffsetsHistory()) {
            if (byGroup.size() != 1) {
                throw new AssertionError("a transaction committed offsets of groups " + byGroup.keySet());
            }
            Map<TopicPartition, Long> commit = new HashMap<>();
            byGroup.values().iterator().next().forEach((partition, offset) -> commit.put(partition, offset.offset()));
            commits.add(commit);
        }
        return commits;
    }
}
