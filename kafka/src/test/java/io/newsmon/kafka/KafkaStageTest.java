package io.newsmon.kafka;

import static io.newsmon.kafka.ScriptedConsumer.P0;
import static io.newsmon.kafka.ScriptedConsumer.TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A stage's delivery on Kafka's {@code MockProducer} and {@code MockConsumer}: what its transactions
 * hold, when they are aborted, when its producer is replaced, and what an at-least-once stage commits.
 * The broker-backed twin is {@code KafkaStageIT}.
 */
@Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class KafkaStageTest {
    private static final String OUT = "out";

    private final ScriptedConsumer consumer = new ScriptedConsumer();
    /** The producers to hand out first, in order; then new ones. */
    private final Deque<MockProducer<String, byte[]>> prepared = new ArrayDeque<>();
    /** Every producer the stage took, in order. */
    private final List<MockProducer<String, byte[]>> producers = new ArrayList<>();
    private final AtomicInteger aborts = new AtomicInteger();
    private final AtomicInteger delivered = new AtomicInteger();
    private final KafkaStage[] stage = new KafkaStage[1];

    private static MockProducer<String, byte[]> producer() {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
    }

    private KafkaStage stage(KafkaStage.Delivery delivery, PollLoop.BatchHandler handler) {
        stage[0] = new KafkaStage("test", new KafkaSettings("127.0.0.1:9092", "test", "node-a"), "g", List.of(TOPIC),
                Clock.systemUTC(), delivery, Duration.ofSeconds(5), handler, aborts::incrementAndGet,
                delivered::incrementAndGet, () -> {
                    MockProducer<String, byte[]> next = prepared.isEmpty() ? producer() : prepared.poll();
                    producers.add(next);
                    return next;
                }, () -> consumer, Duration.ofMillis(1));
        return stage[0];
    }

    /** A handler that sends each record it takes to {@value #OUT} and fails its first {@code failures} calls. */
    private PollLoop.BatchHandler copying(int failures) {
        AtomicInteger calls = new AtomicInteger();
        return records -> {
            for (ConsumerRecord<byte[], byte[]> r : stage[0].records(records)) {
                stage[0].send(OUT, new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8));
                if (r.offset() == 1) {
                    stage[0].deadLetter(r, "unwanted");
                }
            }
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("database away");
            }
        };
    }

    @Test
    void aFailedTransactionIsAbortedAndTheBatchIsCommittedWithItsOffsetsOnTheRetry() {
        MockProducer<String, byte[]> producer = producer();
        prepared.add(producer);
        List<Boolean> abortedWhenHandedOverAgain = new ArrayList<>();
        KafkaStage eos = stage(KafkaStage.Delivery.EXACTLY_ONCE, copying(1));
        consumer.assigned(P0)
                .then(() -> {
                    consumer.add(P0, 0, 1, 2);
                    consumer.marker(P0, 3);
                })
                .then(() -> {
                    abortedWhenHandedOverAgain.add(producer.transactionAborted());
                    consumer.add(P0, 0, 1, 2);
                })
                .then(eos::stop);

        eos.run();
        eos.close();

        assertThat(abortedWhenHandedOverAgain).containsExactly(true);
        assertThat(aborts.get()).isEqualTo(1);
        assertThat(delivered.get()).isEqualTo(1);
        assertThat(consumer.seeks()).containsExactly(Map.entry(P0, 0L));
        assertThat(producers).as("an aborted transaction keeps its producer").containsExactly(producer);
        assertThat(producer.commitCount()).isEqualTo(1);
        assertThat(topicsAndValues(producer.history())).as("the committed transaction's records only")
                .containsExactlyInAnyOrder(OUT + " \"v0\"", OUT + " \"v1\"", OUT + " \"v2\"", KafkaTopics.DLQ);
        assertThat(eos.deadLettered()).as("the aborted batch's letter is not counted").isEqualTo(1);
        assertThat(ScriptedConsumer.offsetsInTransactions(producer)).as("past the commit marker, in the transaction")
                .containsExactly(Map.of(P0, 4L));
        assertThat(consumer.commits()).as("the consumer commits nothing itself").isEmpty();
    }

    @Test
    void aTransactionThatCannotBeAbortedGetsANewProducerWhichCarriesTheRetry() {
        MockProducer<String, byte[]> stuck = producer();
        stuck.abortTransactionException = new TimeoutException("abort timed out");
        prepared.add(stuck);
        KafkaStage eos = stage(KafkaStage.Delivery.EXACTLY_ONCE, copying(1));
        consumer.assigned(P0).then(() -> consumer.add(P0, 0, 1))
                .then(() -> consumer.add(P0, 0, 1))
                .then(eos::stop);

        eos.run();
        eos.close();

        assertThat(producers).hasSize(2);
        assertThat(stuck.closed()).as("the stuck producer is closed").isTrue();
        assertThat(stuck.transactionCommitted()).isFalse();
        MockProducer<String, byte[]> replacement = producers.get(1);
        assertThat(replacement.transactionInitialized()).isTrue();
        assertThat(replacement.commitCount()).isEqualTo(1);
        assertThat(ScriptedConsumer.offsetsInTransactions(replacement)).containsExactly(Map.of(P0, 2L));
        assertThat(aborts.get()).isEqualTo(1);
    }

    @Test
    void transactionsThatCannotStartGetANewProducerAndTheFirstBatchTriesAgain() {
        MockProducer<String, byte[]> unreachable = producer();
        unreachable.initTransactionException = new TimeoutException("broker away");
        prepared.add(unreachable);
        KafkaStage eos = stage(KafkaStage.Delivery.EXACTLY_ONCE, copying(0));
        consumer.assigned(P0).then(() -> consumer.add(P0, 0, 1)).then(eos::stop);

        eos.run();
        eos.close();

        assertThat(producers).hasSize(2);
        assertThat(unreachable.closed()).isTrue();
        assertThat(ScriptedConsumer.offsetsInTransactions(producers.get(1))).containsExactly(Map.of(P0, 2L));
    }

    @Test
    void aStopInTheMiddleOfABatchCommitsTheRecordsDoneAndHandsTheRestOver() {
        MockProducer<String, byte[]> producer = producer();
        prepared.add(producer);
        KafkaStage eos = stage(KafkaStage.Delivery.EXACTLY_ONCE, records -> {
            for (ConsumerRecord<byte[], byte[]> r : stage[0].records(records)) {
                stage[0].send(OUT, "k", new String(r.value(), StandardCharsets.UTF_8));
                if (r.offset() == 1) {
                    stage[0].stop();
                }
            }
        });
        consumer.assigned(P0).then(() -> consumer.add(P0, 0, 1, 2, 3))
                .then(() -> consumer.add(P0, 2, 3)); // a poll the stopped stage never makes

        eos.run();
        eos.close();

        assertThat(topicsAndValues(producer.history())).containsExactly(OUT + " \"v0\"", OUT + " \"v1\"");
        assertThat(ScriptedConsumer.offsetsInTransactions(producer)).containsExactly(Map.of(P0, 2L));
        assertThat(consumer.seeks()).as("the rest is handed over again").containsExactly(Map.entry(P0, 2L));
        assertThat(consumer.polls()).isEqualTo(2);
        assertThat(delivered.get()).isEqualTo(1);
    }

    @Test
    void aFencedProducerStopsTheStageWithAnInstanceConflictAndIsNotReplaced() {
        MockProducer<String, byte[]> producer = producer();
        prepared.add(producer);
        KafkaStage eos = stage(KafkaStage.Delivery.EXACTLY_ONCE, copying(0));
        consumer.assigned(P0).then(() -> {
            producer.fenceProducer(); // another node-a registered the transactional id
            consumer.add(P0, 0);
        });

        assertThatThrownBy(eos::run).isInstanceOf(InstanceConflictException.class);
        eos.close();

        assertThat(producers).as("a new producer would fence the other one in turn").containsExactly(producer);
        assertThat(aborts.get()).isEqualTo(1);
        assertThat(consumer.closedWith().groupMembershipOperation())
                .isEqualTo(CloseOptions.GroupMembershipOperation.REMAIN_IN_GROUP);
    }

    @Test
    void anAtLeastOnceBatchWhoseSendIsNotAcknowledgedIsHandedOverAgainAndCommittedOnceDelivered() {
        MockProducer<String, byte[]> producer = new MockProducer<>(false, null, new StringSerializer(),
                new ByteArraySerializer()) {
            private boolean failed;

            @Override
            public synchronized void flush() {
                if (!failed) {
                    failed = true;
                    errorNext(new TimeoutException("no acknowledgement"));
                }
                super.flush();
            }
        };
        prepared.add(producer);
        KafkaStage alo = stage(KafkaStage.Delivery.AT_LEAST_ONCE, copying(0));
        consumer.assigned(P0)
                .then(() -> {
                    consumer.add(P0, 0, 1);
                    consumer.marker(P0, 2);
                })
                .then(() -> consumer.add(P0, 0, 1))
                .then(alo::stop);

        alo.run();
        alo.close();

        assertThat(aborts.get()).isEqualTo(1);
        assertThat(delivered.get()).isEqualTo(1);
        assertThat(consumer.seeks()).containsExactly(Map.entry(P0, 0L));
        assertThat(consumer.commits()).as("once, after the retry was acknowledged, past the marker")
                .containsExactly(Map.of(P0, 3L));
        assertThat(topicsAndValues(producer.history()).stream().filter(v -> v.equals(OUT + " \"v0\"")))
                .as("at least once: the retry publishes again").hasSize(2);
        assertThat(alo.deadLettered()).isEqualTo(1);
    }

    private static List<String> topicsAndValues(List<ProducerRecord<String, byte[]>> records) {
        return records.stream().map(r -> r.topic().equals(KafkaTopics.DLQ) ? r.topic()
                : r.topic() + " " + new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
