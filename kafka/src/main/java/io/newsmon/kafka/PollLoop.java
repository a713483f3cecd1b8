package io.newsmon.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerGroupMetadata;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer loop every stage shares: poll a batch, hand it to the stage, and commit its offsets only
 * after the handler has returned, that is after the handler's side effect (records produced and flushed,
 * rows committed). A {@link TransactionalBatchHandler} commits the offsets itself, in the Kafka
 * transaction that holds the batch's output.
 *
 * <p>A handler that throws is treated as a transient failure of the side effect (broker or database
 * away): the batch is not committed, the consumer seeks back to the batch's first offsets and the same
 * records are handed over again after a backoff (1 s doubling up to 30 s), so nothing is skipped.
 * Records that can never be processed are the handler's to dead-letter; they must not throw.
 */
public final class PollLoop implements Runnable, AutoCloseable {
    /** What a stage does with a batch of records; it returns once their effect is durable. */
    @FunctionalInterface
    public interface BatchHandler {
        void handle(List<ConsumerRecord<byte[], byte[]>> records) throws Exception;
    }

    /**
     * What a transactional stage does with a batch: produce its output and commit the offsets of what it
     * handled for {@code group} in one Kafka transaction ({@code sendOffsetsToTransaction}); the loop
     * commits nothing itself. A stage may handle the batch's first records only (when it is asked to stop,
     * or when the batch has used its time): it then commits {@code offsets.upTo(handled)} and returns
     * {@code handled}, and the loop hands the rest over again.
     */
    @FunctionalInterface
    public interface TransactionalBatchHandler {
        /** @return how many of the records, from the first, were handled and committed */
        int handle(List<ConsumerRecord<byte[], byte[]>> records, BatchOffsets offsets, ConsumerGroupMetadata group)
                throws Exception;
    }

    /** The offsets to commit for the first records of a batch. */
    @FunctionalInterface
    public interface BatchOffsets {
        /** The offsets to commit when the batch's first {@code handled} records are done. */
        Map<TopicPartition, OffsetAndMetadata> upTo(int handled);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PollLoop.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    /** The wait before the first retry of a failed batch: 1 s, doubling ({@link #nextBackoff}) up to 30 s. */
    public static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

    private final String stage;
    private final Consumer<byte[], byte[]> consumer;
    private final Duration firstBackoff;
    private final Collection<String> topics;
    private final BatchHandler handler;
    private final TransactionalBatchHandler transactionalHandler;
    /** The offset last committed per partition, to see when a position moved past markers only. */
    private final Map<TopicPartition, Long> committed = new HashMap<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final String groupId;
    private final String instanceId;
    private volatile boolean running = true;
    /** Whether another process took over this one's instance id. */
    private boolean fenced;
    private final AtomicBoolean started = new AtomicBoolean();

    /**
     * @param stage    the stage's name, used in logs, for example {@code store}
     * @param settings where the broker is
     * @param groupId  the consumer group, for example {@code newsmon-store}
     * @param topics   the topics to consume
     * @param recordBudget the longest one record may take (see {@link KafkaSettings#consumer(String, Duration)}),
     *                 or null
     * @param handler  what to do with each batch
     */
    public PollLoop(String stage, KafkaSettings settings, String groupId, Collection<String> topics,
                    Duration recordBudget, BatchHandler handler) {
        this(stage, settings, groupId, topics, recordBudget, handler, null);
    }

    /**
     * A loop whose handler commits each batch's offsets in its own Kafka transaction.
     *
     * @param handler what to do with each batch, offsets included
     */
    public PollLoop(String stage, KafkaSettings settings, String groupId, Collection<String> topics,
                    Duration recordBudget, TransactionalBatchHandler handler) {
        this(stage, settings, groupId, topics, recordBudget, null, handler);
    }

    private PollLoop(String stage, KafkaSettings settings, String groupId, Collection<String> topics,
                     Duration recordBudget, BatchHandler handler, TransactionalBatchHandler transactionalHandler) {
        this(stage, new KafkaConsumer<>(settings.stageConsumer(groupId, recordBudget)), groupId, settings.instanceId(),
                topics, FIRST_BACKOFF, handler, transactionalHandler);
    }

    /**
     * A loop over {@code consumer}, which it subscribes and closes, whose first retry of a failed batch waits
     * {@code firstBackoff}; exactly one of the two handlers is given. {@link KafkaStage} passes its own
     * consumer, and unit tests a {@code MockConsumer} (test seam).
     */
    PollLoop(String stage, Consumer<byte[], byte[]> consumer, String groupId, String instanceId,
             Collection<String> topics, Duration firstBackoff, BatchHandler handler,
             TransactionalBatchHandler transactionalHandler) {
        this.stage = stage;
        this.groupId = groupId;
        this.instanceId = instanceId;
        this.consumer = consumer;
        this.firstBackoff = firstBackoff;
        this.topics = List.copyOf(topics);
        this.handler = handler;
        this.transactionalHandler = transactionalHandler;
    }

    @Override
    public void run() {
        if (!started.compareAndSet(false, true)) {
            return; // closed before it ran, or already running
        }
        try {
            consumer.subscribe(topics);
            Duration backoff = firstBackoff;
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                if (records.isEmpty()) {
                    commitMarkersOnly();
                    continue;
                }
                backoff = handleBatch(records, backoff) ? firstBackoff : nextBackoff(backoff);
            }
        } catch (FencedInstanceIdException e) {
            running = false;
            fenced = true;
            throw new InstanceConflictException(stage, groupId, instanceId, e);
        } catch (InterruptException e) {
            // Interrupted while polling: a stop request like close(); the flag is restored after closing.
            Thread.interrupted();
            running = false;
            Thread.currentThread().interrupt();
        } finally {
            closeConsumer();
        }
    }

    /**
     * Closes the consumer, leaving the group: its partitions go to the other instances at once (a restart
     * under the same instance id takes them back), and a stop does not hold them for a session timeout.
     */
    private void closeConsumer() {
        boolean interrupted = Thread.interrupted();
        try {
            // A member another process took over is no longer in the group: it has nothing to leave.
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)).withGroupMembershipOperation(fenced
                    ? CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP : CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        } finally {
            stopped.countDown();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean handleBatch(ConsumerRecords<byte[], byte[]> records, Duration backoff) {
        List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
        records.forEach(batch::add);
        try {
            if (transactionalHandler != null) {
                int handled = transactionalHandler.handle(batch, n -> offsets(batch, n), consumer.groupMetadata());
                if (handled < batch.size()) {
                    rewind(batch.subList(handled, batch.size()));
                }
            } else {
                handler.handle(batch);
                commit(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
            return false;
        } catch (InstanceConflictException e) {
            running = false;
            fenced = true;
            throw e;
        } catch (FencedInstanceIdException e) {
            running = false;
            fenced = true;
            throw new InstanceConflictException(stage, groupId, instanceId, e);
        } catch (Exception e) {
            rewind(batch);
            if (!running) {
                LOG.info("{}: stopped in the middle of a batch of {} records, which was not committed ({}); the"
                        + " group hands it over again", stage, batch.size(), e.toString());
                return false;
            }
            LOG.warn("{}: a batch of {} records from {} failed ({}); it is kept and retried in {} s",
                    stage, batch.size(), topics, e, backoff.toSeconds());
            pause(backoff);
            return false;
        }
        return true;
    }

    private void commit(List<ConsumerRecord<byte[], byte[]>> batch) {
        commit(positions(batch), batch.size());
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets, int records) {
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> committed.put(partition, offset.offset()));
        } catch (FencedInstanceIdException e) {
            throw e;
        } catch (CommitFailedException | RebalanceInProgressException e) {
            // The partitions moved to another member; it gets the batch again and the write is idempotent.
            LOG.warn("{}: offsets of a batch of {} records were not committed ({}); they will be handed over again",
                    stage, records, e.getMessage());
        }
    }

    /**
     * Commits the positions of partitions that moved past transaction markers only (a poll that returned no
     * records), so that a group that has read everything has committed its topics' end offsets, markers
     * included. Transactional stages leave this to their next transaction.
     */
    private void commitMarkersOnly() {
        if (transactionalHandler != null) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        for (TopicPartition partition : consumer.assignment()) {
            long position = consumer.position(partition);
            Long last = committed.get(partition);
            if (last == null ? position > 0 : position > last) {
                moved.put(partition, new OffsetAndMetadata(position));
            }
        }
        if (!moved.isEmpty()) {
            commit(moved, 0);
        }
    }

    /** Seeks back to the batch's first offsets on the partitions this consumer still owns. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        batch.forEach(r -> first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min));
        Set<TopicPartition> owned = consumer.assignment();
        first.forEach((partition, offset) -> {
            if (owned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
    }

    /**
     * The offsets to commit for a batch: the consumer's position on each of its partitions, which is past
     * the batch's last record and past any transaction marker that followed it (a record's offset + 1 would
     * stop before the marker, and the group would never catch up with the topic's end).
     */
    private Map<TopicPartition, OffsetAndMetadata> positions(List<ConsumerRecord<byte[], byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        batch.forEach(r -> positions.computeIfAbsent(new TopicPartition(r.topic(), r.partition()),
                partition -> new OffsetAndMetadata(Math.max(r.offset() + 1, consumer.position(partition)))));
        return positions;
    }

    /**
     * The offsets to commit when the batch's first {@code handled} records are done: on a partition whose
     * records in the batch are all done, its {@link #positions position}; on the one where the batch was
     * cut, the offset after its last record done.
     */
    private Map<TopicPartition, OffsetAndMetadata> offsets(List<ConsumerRecord<byte[], byte[]>> batch, int handled) {
        if (handled >= batch.size()) {
            return positions(batch);
        }
        Set<TopicPartition> cut = new HashSet<>();
        batch.subList(handled, batch.size()).forEach(r -> cut.add(new TopicPartition(r.topic(), r.partition())));
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : batch.subList(0, handled)) {
            TopicPartition partition = new TopicPartition(r.topic(), r.partition());
            long next = cut.contains(partition) ? r.offset() + 1 : Math.max(r.offset() + 1, consumer.position(partition));
            offsets.merge(partition, new OffsetAndMetadata(next), (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    /** The wait after {@code backoff} when the retry failed again: twice as long, at most 30 s. */
    public static Duration nextBackoff(Duration backoff) {
        Duration twice = backoff.multipliedBy(2);
        return twice.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : twice;
    }

    /** Waits before a retry, or less when a stop is requested meanwhile. */
    private void pause(Duration duration) {
        try {
            stopRequested.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * How many records of its assigned partitions the consumer has yet to read, from its own fetch
     * metrics ({@code records-lag} per partition), so any thread may call it: 0 when caught up, and
     * also before the first fetch and when nothing is assigned.
     */
    public long lag() {
        double lag = 0;
        for (var metric : consumer.metrics().entrySet()) {
            if (metric.getKey().name().equals("records-lag") && metric.getKey().tags().containsKey("partition")
                    && metric.getValue().metricValue() instanceof Double value && value > 0) {
                lag += value;
            }
        }
        return (long) lag;
    }

    /**
     * Asks the loop to stop after the batch in hand (at once when it waits to retry a batch); returns at
     * once. The loop's thread then leaves the group and closes the consumer, without being interrupted.
     */
    public void stop() {
        running = false;
        stopRequested.countDown();
    }

    /** Whether {@link #stop} or {@link #close} was called. */
    public boolean stopping() {
        return !running;
    }

    /** Stops the loop after the batch in hand and waits up to 30 s for it to finish. */
    @Override
    public void close() {
        stop();
        if (started.compareAndSet(false, true)) {
            closeConsumer();
            return;
        }
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("{}: the consumer loop did not stop within 30 s", stage);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
