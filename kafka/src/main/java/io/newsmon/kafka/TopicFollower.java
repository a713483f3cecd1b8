package io.newsmon.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every partition of a (compacted) topic from the beginning on a thread of its own, and goes on
 * following it, handing each record's key and value to a handler; {@link #awaitCaughtUp} waits until
 * everything that was in the topic when it started has been handled. No consumer group, no commits.
 *
 * <p>Example: {@code new TopicFollower(settings, Topics.INGEST_SEEN, (id, value) -> ids.add(id)).start()}.
 */
public final class TopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    /**
     * @param handler gets each record's key (UTF-8) and value (null for a tombstone), on the follower's thread
     */
    public TopicFollower(KafkaSettings settings, String topic, BiConsumer<String, byte[]> handler) {
        this(settings, topic, (Consumer<ConsumerRecord<byte[], byte[]>>) record -> handler.accept(
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value()));
    }

    /**
     * A follower that hands over each whole record, with its partition and offset.
     *
     * @param handler gets each record, on the follower's thread
     */
    public TopicFollower(KafkaSettings settings, String topic, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        Map<String, Object> config = settings.consumer("unused");
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-follow-" + topic);
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.handler = handler;
        this.thread = Thread.ofPlatform().daemon().name("newsmon-follow-" + topic).unstarted(this::follow);
    }

    /** Starts following; returns this. */
    public TopicFollower start() {
        thread.start();
        return this;
    }

    /**
     * Waits until the records present at start have been handled.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        try {
            if (!caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new KafkaUnavailableException("could not read topic " + topic + " to its end within "
                        + timeout.toSeconds() + " s: is the broker reachable?", null);
            }
            if (failure != null) {
                throw new KafkaUnavailableException("could not read topic " + topic + ": " + failure, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while reading topic " + topic, e);
        }
    }

    /**
     * Reads a whole topic once, from the beginning to its current end, and returns.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    public static void readAll(KafkaSettings settings, String topic, BiConsumer<String, byte[]> handler, Duration timeout) {
        try (TopicFollower follower = new TopicFollower(settings, topic, handler)) {
            follower.start().awaitCaughtUp(timeout);
        }
    }

    /**
     * Reads a whole topic once, from the beginning to its current end, handing over each whole record,
     * and returns once the handler has had the last one.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    public static void readAllRecords(KafkaSettings settings, String topic,
                                      Consumer<ConsumerRecord<byte[], byte[]>> handler, Duration timeout) {
        try (TopicFollower follower = new TopicFollower(settings, topic, handler)) {
            follower.start().awaitCaughtUp(timeout);
        }
    }

    private void follow() {
        try {
            Map<TopicPartition, Long> ends = assignAll();
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
                if (caughtUp.getCount() > 0 && ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (KafkaException e) {
            failure = e.getMessage();
            caughtUp.countDown();
            LOG.error("kafka: stopped following topic {}: {}", topic, e.toString());
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private Map<TopicPartition, Long> assignAll() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new KafkaException("topic " + topic + " does not exist");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer.endOffsets(partitions);
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        try {
            handler.accept(record);
        } catch (RuntimeException e) {
            LOG.warn("kafka: skipped record {}-{}@{} that could not be read: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    @Override
    public void close() {
        running = false;
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ZERO);
            return;
        }
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
