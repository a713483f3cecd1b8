package io.newsmon.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a (compacted) topic from the beginning on a thread of its own, and goes on following it, handing
 * each record to a handler; {@link #awaitCaughtUp} waits until everything that was in the topic when it
 * started has been handled. It commits nothing: the topic is always read from the beginning. This and
 * {@link PollLoop} are the only two read loops: a stage's input goes through the poll loop, state kept in a
 * topic through a follower.
 *
 * <ul>
 *   <li>{@link #KafkaTopicFollower(KafkaSettings, String, BiConsumer) new KafkaTopicFollower(...)} reads every
 *       partition, with no consumer group: every instance learns everything (seen ids, fingerprints).</li>
 *   <li>{@link #shared} reads the partitions that a consumer group gives this instance, and tells a
 *       {@link Partitions} listener which partitions it holds, loaded, and which it lost: instances share
 *       the work the topic's keys stand for (ingest's feeds).</li>
 * </ul>
 *
 * <p>Example: {@code new KafkaTopicFollower(settings, KafkaTopics.INGEST_SEEN, (id, value) -> ids.add(id)).start()}.
 */
public final class KafkaTopicFollower implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaTopicFollower.class);

    /** Hears which partitions of a {@link #shared} topic this instance holds. */
    public interface Partitions {
        /** Every record {@code partition} held when it was given to this instance has been handled. */
        void loaded(int partition);

        /** {@code partition} went to another instance, or the follower stopped. */
        void revoked(int partition);

        /** Every partition given is loaded: this instance now holds {@code held} partitions. */
        default void settled(int held) {
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final Consumer<ConsumerRecord<byte[], byte[]>> handler;
    /** The consumer group of a {@link #shared} follower, or null. */
    private final String groupId;
    private final Partitions partitions;
    private final String instanceId;
    private final Map<TopicPartition, Long> loading = new HashMap<>();
    private final Set<Integer> loaded = new HashSet<>();
    private final Object caughtUpLock = new Object();
    private boolean caughtUp;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String failure;

    /**
     * @param handler gets each record's key (UTF-8) and value (null for a tombstone), on the follower's thread
     */
    public KafkaTopicFollower(KafkaSettings settings, String topic, BiConsumer<String, byte[]> handler) {
        this(settings, topic, (Consumer<ConsumerRecord<byte[], byte[]>>) record -> handler.accept(
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8), record.value()));
    }

    /**
     * A follower that hands over each whole record, with its partition and offset.
     *
     * @param handler gets each record, on the follower's thread
     */
    public KafkaTopicFollower(KafkaSettings settings, String topic, Consumer<ConsumerRecord<byte[], byte[]>> handler) {
        this(settings, topic, handler, null, null);
    }

    /**
     * A follower of the partitions of {@code topic} that consumer group {@code groupId} gives this instance,
     * as a static member under the settings' instance id (a restarted instance gets its partitions back at
     * once). A partition given is read from its beginning; {@link #awaitCaughtUp} waits until the
     * partitions given are loaded, again after each rebalance. It leaves the group when closed.
     *
     * @param handler    gets each record, on the follower's thread
     * @param partitions hears which partitions are loaded and which are lost
     */
    public static KafkaTopicFollower shared(KafkaSettings settings, String topic, String groupId,
                                       Consumer<ConsumerRecord<byte[], byte[]>> handler, Partitions partitions) {
        return new KafkaTopicFollower(settings, topic, handler, groupId, partitions);
    }

    private KafkaTopicFollower(KafkaSettings settings, String topic, Consumer<ConsumerRecord<byte[], byte[]>> handler,
                          String groupId, Partitions partitions) {
        Map<String, Object> config;
        if (groupId == null) {
            config = settings.consumer("unused");
            config.remove(ConsumerConfig.GROUP_ID_CONFIG);
            config.put(ConsumerConfig.CLIENT_ID_CONFIG, settings.clientId() + "-follow-" + topic);
        } else {
            config = settings.stageConsumer(groupId, null);
        }
        this.consumer = new KafkaConsumer<>(config);
        this.topic = topic;
        this.handler = handler;
        this.groupId = groupId;
        this.partitions = partitions;
        this.instanceId = settings.instanceId();
        this.thread = Thread.ofPlatform().daemon().name("newsmon-follow-" + topic).unstarted(this::follow);
    }

    /** Starts following; returns this. */
    public KafkaTopicFollower start() {
        thread.start();
        return this;
    }

    /**
     * Waits until the records present at start have been handled.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    public void awaitCaughtUp(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (caughtUpLock) {
            while (!caughtUp) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new KafkaUnavailableException(groupId == null
                            ? "could not read topic " + topic + " to its end within " + timeout.toSeconds()
                                    + " s: is the broker reachable?"
                            : "consumer group " + groupId + " gave this instance no partition of topic " + topic
                                    + " within " + timeout.toSeconds() + " s: is the broker reachable, and are there"
                                    + " fewer instances than partitions?", null);
                }
                try {
                    caughtUpLock.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaUnavailableException("interrupted while reading topic " + topic, e);
                }
            }
        }
        if (failure != null) {
            throw new KafkaUnavailableException("could not read topic " + topic + ": " + failure, null);
        }
    }

    private void setCaughtUp(boolean value) {
        synchronized (caughtUpLock) {
            caughtUp = value;
            caughtUpLock.notifyAll();
        }
    }

    /**
     * Reads a whole topic once, from the beginning to its current end, and returns.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    public static void readAll(KafkaSettings settings, String topic, BiConsumer<String, byte[]> handler, Duration timeout) {
        try (KafkaTopicFollower follower = new KafkaTopicFollower(settings, topic, handler)) {
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
        try (KafkaTopicFollower follower = new KafkaTopicFollower(settings, topic, handler)) {
            follower.start().awaitCaughtUp(timeout);
        }
    }

    private void follow() {
        try {
            if (groupId == null) {
                assignAll();
            } else {
                consumer.subscribe(List.of(topic), new Rebalance());
            }
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    handle(record);
                }
                finishLoading();
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (FencedInstanceIdException e) {
            fail(e, new InstanceConflictException("following " + topic, groupId, instanceId, e).getMessage());
        } catch (KafkaException e) {
            fail(e, "kafka: stopped following topic " + topic + ": " + e);
        } finally {
            if (partitions != null) {
                loaded.forEach(partitions::revoked);
            }
            loaded.clear();
            if (groupId == null) {
                consumer.close(Duration.ofSeconds(5));
            } else {
                consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))
                        .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            }
        }
    }

    private void fail(KafkaException e, String message) {
        failure = e.getMessage();
        setCaughtUp(true);
        LOG.error(message);
    }

    private void assignAll() {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new KafkaException("topic " + topic + " does not exist");
        }
        List<TopicPartition> all = infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(all);
        consumer.seekToBeginning(all);
        loading.putAll(consumer.endOffsets(all));
    }

    /** Marks the partitions read up to the end they had when given as loaded, and the follower caught up when all are. */
    private void finishLoading() {
        if (loading.isEmpty()) {
            return;
        }
        loading.entrySet().removeIf(e -> {
            boolean done = consumer.position(e.getKey()) >= e.getValue();
            if (done && partitions != null) {
                loaded.add(e.getKey().partition());
                partitions.loaded(e.getKey().partition());
            }
            return done;
        });
        if (loading.isEmpty()) {
            if (partitions != null) {
                partitions.settled(loaded.size());
            }
            setCaughtUp(true);
        }
    }

    /** A shared follower reads each partition it is given from the beginning before it counts as loaded. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> given) {
            if (given.isEmpty()) {
                return;
            }
            consumer.seekToBeginning(given);
            loading.putAll(consumer.endOffsets(given));
            setCaughtUp(false);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> taken) {
            taken.forEach(partition -> {
                loading.remove(partition);
                if (loaded.remove(partition.partition())) {
                    partitions.revoked(partition.partition());
                }
            });
        }
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
            consumer.close(CloseOptions.timeout(Duration.ZERO));
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
