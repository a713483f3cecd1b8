package io.newsmon.kafka;

import static io.newsmon.kafka.ScriptedConsumer.P0;
import static io.newsmon.kafka.ScriptedConsumer.P1;
import static io.newsmon.kafka.ScriptedConsumer.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The consumer loop on Kafka's {@code MockConsumer} and {@code MockProducer}: which offsets it commits,
 * where it seeks after a failure, when it stops. Each test scripts the polls ({@link ScriptedConsumer}) and
 * runs the loop on its own thread until a step stops it; the broker-backed twin is {@code KafkaStageIT}.
 */
@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PollLoopTest {
    private final ScriptedConsumer consumer = new ScriptedConsumer();
    /** What each call of the handler was given: partition and offset of each record, in order. */
    private final List<List<String>> batches = new ArrayList<>();

    private PollLoop loop(PollLoop.BatchHandler handler, Duration firstBackoff) {
        return new PollLoop("test", consumer, "g", "node-a", List.of(TOPIC), firstBackoff, records -> {
            batches.add(positions(records));
            handler.handle(records);
        }, null);
    }

    private PollLoop loop(PollLoop.BatchHandler handler) {
        return loop(handler, Duration.ofMillis(1));
    }

    private PollLoop transactionalLoop(PollLoop.TransactionalBatchHandler handler) {
        return new PollLoop("test", consumer, "g", "node-a", List.of(TOPIC), Duration.ofMillis(1), null,
                (records, offsets, group) -> {
                    batches.add(positions(records));
                    return handler.handle(records, offsets, group);
                });
    }

    private static List<String> positions(List<ConsumerRecord<byte[], byte[]>> records) {
        return records.stream().map(r -> r.partition() + "@" + r.offset()).toList();
    }

    @Test
    void aFailedBatchIsRewoundToItsFirstOffsetsAndHandedOverAgainThenCommitted() {
        AtomicInteger calls = new AtomicInteger();
        PollLoop loop = loop(records -> {
            if (calls.incrementAndGet() == 2) {
                throw new IllegalStateException("database away");
            }
        });
        consumer.assigned(P0, P1).then(() -> consumer.add(P0, 0, 1, 2))
                .then(() -> {
                    consumer.add(P0, 3, 4);
                    consumer.add(P1, 0, 1);
                })
                .then(() -> {
                    // what the broker serves from the positions the loop sought back to
                    consumer.add(P0, 3, 4);
                    consumer.add(P1, 0, 1);
                })
                .then(loop::stop);

        loop.run();

        assertThat(batches).hasSize(3);
        assertThat(batches.get(0)).containsExactly("0@0", "0@1", "0@2");
        assertThat(batches.get(1)).containsExactlyInAnyOrder("0@3", "0@4", "1@0", "1@1");
        assertThat(batches.get(2)).as("the failed batch, again").isEqualTo(batches.get(1));
        assertThat(consumer.seeks()).as("each partition back to its first record of the failed batch")
                .containsExactlyInAnyOrder(Map.entry(P0, 3L), Map.entry(P1, 0L));
        assertThat(consumer.commits()).as("the failed batch was committed once, after it was handled")
                .containsExactly(Map.of(P0, 3L), Map.of(P0, 5L, P1, 2L));
    }

    @Test
    void commitsThePositionPastATransactionMarkerNotTheLastOffsetPlusOne() {
        PollLoop loop = loop(records -> { });
        consumer.assigned(P0, P1)
                .then(() -> {
                    // a transaction of two records and its commit marker
                    consumer.add(P0, 0, 1);
                    consumer.marker(P0, 2);
                })
                .then(() -> consumer.add(P0, 3, 4)) // the next transaction, its marker not yet written
                .then(() -> consumer.marker(P0, 5)) // its marker: a poll that returns no record
                .then(() -> { }) // nothing new: nothing to commit
                .then(loop::stop);

        loop.run();

        assertThat(batches).containsExactly(List.of("0@0", "0@1"), List.of("0@3", "0@4"));
        assertThat(consumer.commits()).as("3 (past the marker) rather than 2; 6 after a poll that read the marker only;"
                        + " and partition 1, never read, is not committed")
                .containsExactly(Map.of(P0, 3L), Map.of(P0, 5L), Map.of(P0, 6L));
    }

    @Test
    void aPartitionThatHoldsOnlyMarkersIsCommittedAtItsPosition() {
        PollLoop loop = loop(records -> { });
        consumer.assigned(P0, P1)
                .then(() -> {
                    consumer.marker(P1, 0); // an aborted transaction's marker, say
                    consumer.marker(P1, 1);
                })
                .then(loop::stop);

        loop.run();

        assertThat(batches).isEmpty();
        assertThat(consumer.commits()).containsExactly(Map.of(P1, 2L));
    }

    @Test
    void aTransactionalHandlerThatHandledAPrefixCommitsItAndTheRestIsHandedOverAgain() {
        MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
                new ByteArraySerializer());
        producer.initTransactions();
        AtomicInteger calls = new AtomicInteger();
        PollLoop loop = transactionalLoop((records, offsets, group) -> {
            int handled = calls.incrementAndGet() == 1 ? 2 : records.size();
            producer.beginTransaction();
            producer.sendOffsetsToTransaction(offsets.upTo(handled), group);
            producer.commitTransaction();
            return handled;
        });
        consumer.assigned(P0, P1)
                .then(() -> {
                    consumer.add(P0, 0, 1, 2, 3, 4);
                    consumer.marker(P0, 5);
                })
                .then(() -> consumer.add(P0, 2, 3, 4)) // served again from the position sought back to
                .then(loop::stop);

        loop.run();

        assertThat(batches).containsExactly(List.of("0@0", "0@1", "0@2", "0@3", "0@4"), List.of("0@2", "0@3", "0@4"));
        assertThat(consumer.seeks()).as("back to the first record not handled").containsExactly(Map.entry(P0, 2L));
        assertThat(ScriptedConsumer.offsetsInTransactions(producer)).as("the prefix, then the rest up to the position past the marker")
                .containsExactly(Map.of(P0, 2L), Map.of(P0, 6L));
        assertThat(consumer.commits()).as("a transactional handler commits; the loop does not").isEmpty();
    }

    @Test
    void aPrefixThatEndsOnePartitionCommitsItsPositionAndTheCutPartitionTheOffsetAfterItsLastHandledRecord() {
        List<Map<TopicPartition, OffsetAndMetadata>> asked = new ArrayList<>();
        List<TopicPartition> firstPartitions = new ArrayList<>();
        PollLoop loop = transactionalLoop((records, offsets, group) -> {
            if (!asked.isEmpty()) {
                asked.add(offsets.upTo(records.size()));
                return records.size();
            }
            // all the records of the batch's first partition, and the first record of the other one
            int first = records.get(0).partition();
            firstPartitions.add(new TopicPartition(TOPIC, first));
            asked.add(offsets.upTo((int) records.stream().filter(r -> r.partition() == first).count() + 1));
            return (int) records.stream().filter(r -> r.partition() == first).count() + 1;
        });
        consumer.assigned(P0, P1)
                .then(() -> {
                    consumer.add(P0, 0, 1);
                    consumer.marker(P0, 2);
                    consumer.add(P1, 0, 1);
                    consumer.marker(P1, 2);
                })
                .then(() -> consumer.add(firstPartitions.get(0).equals(P0) ? P1 : P0, 1))
                .then(loop::stop);

        loop.run();

        TopicPartition done = firstPartitions.get(0);
        TopicPartition cut = done.equals(P0) ? P1 : P0;
        assertThat(asked).containsExactly(
                Map.of(done, new OffsetAndMetadata(3), cut, new OffsetAndMetadata(1)),
                Map.of(cut, new OffsetAndMetadata(3)));
        assertThat(consumer.seeks()).containsExactly(Map.entry(cut, 1L));
    }

    @Test
    void stopEndsTheLoopAfterTheBatchInHandWhichIsCommitted() {
        PollLoop[] loop = new PollLoop[1];
        loop[0] = loop(records -> loop[0].stop());
        consumer.assigned(P0).then(() -> consumer.add(P0, 0, 1, 2))
                .then(() -> consumer.add(P0, 3)); // a poll the stopped loop never makes

        loop[0].run();

        assertThat(batches).containsExactly(List.of("0@0", "0@1", "0@2"));
        assertThat(consumer.commits()).containsExactly(Map.of(P0, 3L));
        assertThat(consumer.polls()).as("no poll after the stop").isEqualTo(2);
        assertThat(consumer.closedWith().groupMembershipOperation())
                .as("it leaves the group, so its partitions move at once")
                .isEqualTo(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
    }

    @Test
    void aBatchThatFailsWhileStoppingIsRewoundNotCommittedAndNotRetried() {
        PollLoop[] loop = new PollLoop[1];
        loop[0] = loop(records -> {
            loop[0].stop();
            throw new IllegalStateException("interrupted write");
        }, Duration.ofMinutes(1));
        consumer.assigned(P0).then(() -> consumer.add(P0, 0, 1));

        long start = System.nanoTime();
        loop[0].run();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no backoff once stopping").isLessThan(Duration.ofSeconds(2));
        assertThat(batches).hasSize(1);
        assertThat(consumer.seeks()).containsExactly(Map.entry(P0, 0L));
        assertThat(consumer.commits()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aStopEndsTheWaitBeforeARetry() throws Exception {
        CountDownLatch failed = new CountDownLatch(1);
        PollLoop[] loop = new PollLoop[1];
        loop[0] = loop(records -> {
            failed.countDown();
            throw new IllegalStateException("database away");
        }, Duration.ofMinutes(1));
        consumer.assigned(P0).then(() -> consumer.add(P0, 0));
        Thread running = new Thread(loop[0]);
        running.start();
        assertThat(failed.await(2, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(50); // into the minute's wait

        long start = System.nanoTime();
        loop[0].stop();
        running.join(Duration.ofSeconds(2));

        assertThat(running.isAlive()).as("the loop ended well before its minute's backoff").isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(consumer.commits()).isEmpty();
        assertThat(consumer.closed()).isTrue();
    }

    @Test
    void aFencedInstanceStopsTheLoopWithAnInstanceConflictAndStaysInTheGroup() {
        PollLoop loop = loop(records -> {
            throw new FencedInstanceIdException("another node-a joined");
        });
        consumer.assigned(P0).then(() -> consumer.add(P0, 0));

        assertThatThrownBy(loop::run).isInstanceOf(InstanceConflictException.class);

        assertThat(loop.stopping()).isTrue();
        assertThat(consumer.commits()).isEmpty();
        assertThat(consumer.closedWith().groupMembershipOperation())
                .isEqualTo(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    @Test
    void backoffDoublesFromOneSecondUpToThirtySeconds() {
        List<Long> seconds = new ArrayList<>();
        Duration backoff = PollLoop.FIRST_BACKOFF;
        for (int i = 0; i < 8; i++) {
            seconds.add(backoff.toSeconds());
            backoff = PollLoop.nextBackoff(backoff);
        }
        assertThat(seconds).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }

    @Test
    void eachRetryOfAFailingBatchWaitsTwiceAsLongAsTheOneBefore() {
        List<Long> handedOver = new ArrayList<>();
        PollLoop[] loop = new PollLoop[1];
        loop[0] = loop(records -> {
            handedOver.add(System.nanoTime());
            if (handedOver.size() <= 3) {
                throw new IllegalStateException("database away");
            }
            loop[0].stop();
        }, Duration.ofMillis(20));
        consumer.assigned(P0).then(() -> consumer.add(P0, 0))
                .then(() -> consumer.add(P0, 0))
                .then(() -> consumer.add(P0, 0))
                .then(() -> consumer.add(P0, 0));

        loop[0].run();

        assertThat(handedOver).hasSize(4);
        for (int i = 1; i < handedOver.size(); i++) {
            long waitedMillis = (handedOver.get(i) - handedOver.get(i - 1)) / 1_000_000;
            assertThat(waitedMillis).as("wait before retry %d", i).isGreaterThanOrEqualTo(20L << (i - 1));
        }
        assertThat(consumer.commits()).containsExactly(Map.of(P0, 1L));
    }
}
