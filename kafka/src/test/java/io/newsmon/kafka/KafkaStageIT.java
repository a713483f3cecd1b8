package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.model.DeadLetter;
import io.newsmon.model.Json;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared stage loop on a real broker: retry after a failed batch, dead letters, committed offsets. */
class KafkaStageIT {
    private static final String IN = "test.in";
    private static final String OUT = "test.out";

    private TestKafka kafka;
    private KafkaSettings settings;

    @BeforeEach
    void start() {
        kafka = TestKafka.start();
        settings = new KafkaSettings(kafka.bootstrapServers(), "test");
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            admin.ensureTopics(List.of(new KafkaTopicSpec(IN, 2, Map.of()), new KafkaTopicSpec(OUT, 1, Map.of()),
                    new KafkaTopicSpec(KafkaTopics.DLQ, 1, Map.of())));
        }
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void failedBatchIsAbortedAndHandedOverAgainThenCommitted() throws Exception {
        publish(10, i -> "value-" + i);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        AtomicInteger aborts = new AtomicInteger();
        KafkaStage[] stage = new KafkaStage[1];
        stage[0] = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(), records -> {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                stage[0].send(OUT, new String(r.key(), StandardCharsets.UTF_8), new String(r.value(), StandardCharsets.UTF_8));
            }
            if (failuresLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database away");
            }
        }, aborts::incrementAndGet);

        try (KafkaStage running = stage[0]; KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            Thread thread = new Thread(running::run);
            thread.start();
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == 10, Duration.ofSeconds(60));
        }

        assertThat(aborts.get()).isEqualTo(1);
        Map<String, Long> published = values(OUT, false).stream()
                .collect(Collectors.groupingBy(v -> v, Collectors.counting()));
        assertThat(published).as("each record published, the failed batch's twice (at least once)")
                .containsOnlyKeys(IntStream.range(0, 10).mapToObj(i -> "\"value-" + i + "\"").toList())
                .containsValue(2L).allSatisfy((value, times) -> assertThat(times).isBetween(1L, 2L));
    }

    @Test
    void exactlyOnceStageAbortsAFailedBatchSoReadCommittedConsumersSeeEachOutputOnce() throws Exception {
        publish(10, i -> "value-" + i);
        AtomicInteger failuresLeft = new AtomicInteger(1);
        AtomicInteger aborts = new AtomicInteger();
        AtomicInteger inBatch = new AtomicInteger();
        AtomicInteger delivered = new AtomicInteger();
        KafkaStage[] stage = new KafkaStage[1];
        stage[0] = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(), KafkaStage.Delivery.EXACTLY_ONCE,
                records -> {
                    inBatch.set(records.size());
                    for (ConsumerRecord<byte[], byte[]> r : records) {
                        stage[0].send(OUT, new String(r.key(), StandardCharsets.UTF_8),
                                new String(r.value(), StandardCharsets.UTF_8));
                        if (new String(r.value(), StandardCharsets.UTF_8).equals("value-3")) {
                            stage[0].deadLetter(r, "value \"value-3\" is unwanted");
                        }
                    }
                    stage[0].sendAfterDelivery(OUT, "batch", "after " + records.size());
                    if (failuresLeft.getAndDecrement() > 0) {
                        Thread.sleep(500); // long past linger.ms: the batch's records reach the log, uncommitted
                        throw new IllegalStateException("database away");
                    }
                }, aborts::incrementAndGet, () -> delivered.addAndGet(inBatch.get()));

        try (KafkaStage running = stage[0]; KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            new Thread(running::run).start();
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == 10, Duration.ofSeconds(60));
            assertThat(running.deadLettered()).as("counted once, though sent in the aborted batch too").isEqualTo(1);
        }

        assertThat(aborts.get()).isEqualTo(1);
        assertThat(delivered.get()).as("only committed batches are reported delivered").isEqualTo(10);
        List<String> committed = values(OUT, true);
        assertThat(committed.stream().filter(v -> v.startsWith("\"value-")).toList())
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10)
                        .mapToObj(i -> "\"value-" + i + "\"").toList());
        assertThat(values(KafkaTopics.DLQ, true)).hasSize(1);
        assertThat(values(OUT, false)).as("the aborted attempt's records are in the log")
                .hasSizeGreaterThan(committed.size());
    }

    @Test
    void aGroupReadingATransactionalTopicCommitsItsEndMarkersIncluded() throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(settings.transactionalProducer("test-writer", KafkaStage.DEFAULT_RECORD_BUDGET))) {
            producer.initTransactions();
            for (int batch = 0; batch < 3; batch++) {
                producer.beginTransaction();
                producer.send(new ProducerRecord<>(IN, "k" + batch, ("v" + batch).getBytes(StandardCharsets.UTF_8)));
                producer.commitTransaction();
            }
        }
        AtomicInteger seen = new AtomicInteger();
        try (KafkaStage stage = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(),
                records -> seen.addAndGet(records.size()), () -> { });
             KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            new Thread(stage::run).start();
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            assertThat(backlog.total()).as("3 records and 3 commit markers").isEqualTo(6);
            awaitTrue(() -> admin.processed("g", backlog) == backlog.total(), Duration.ofSeconds(60));
        }
        assertThat(seen.get()).isEqualTo(3);
    }

    @Test
    void deadLetterCarriesOriginStageAndErrorAndTheLoopGoesOn() throws Exception {
        publish(3, i -> i == 1 ? "not json" : "ok-" + i);
        KafkaStage[] stage = new KafkaStage[1];
        stage[0] = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(), records -> {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (new String(r.value(), StandardCharsets.UTF_8).equals("not json")) {
                    stage[0].deadLetter(r, "value \"not json\" is not JSON");
                }
            }
        }, () -> { });

        try (KafkaStage running = stage[0]; KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            new Thread(running::run).start();
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == 3, Duration.ofSeconds(60));
            assertThat(running.deadLettered()).isEqualTo(1);
        }

        DeadLetter letter = Json.mapper().readValue(values(KafkaTopics.DLQ, false).get(0), DeadLetter.class);
        assertThat(letter.topic()).isEqualTo(IN);
        assertThat(letter.key()).isEqualTo("k1");
        assertThat(letter.stage()).isEqualTo("test");
        assertThat(letter.error()).contains("not JSON");
        assertThat(letter.value()).isEqualTo("not json");
    }

    @Test
    void aRestartedInstanceFencesItsDeadPredecessorSoReadCommittedReadersGoOnAtOnce() throws Exception {
        // The predecessor died inside a transaction: it wrote to OUT and never committed, and its
        // transaction would stay open for 10 minutes, far longer than this test waits.
        Map<String, Object> dead = settings.withInstanceId("node-a").transactionalProducer(
                settings.withInstanceId("node-a").transactionalId("g"), KafkaStage.DEFAULT_RECORD_BUDGET);
        dead.put("transaction.timeout.ms", 600_000);
        try (var zombie = new KafkaProducer<String, byte[]>(dead);
             Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>(OUT, "open", "never committed".getBytes(StandardCharsets.UTF_8))).get();
            TopicPartition out = new TopicPartition(OUT, 0);
            assertThat(endOffset(admin, out, IsolationLevel.READ_COMMITTED))
                    .as("readers are held back by the open transaction")
                    .isLessThan(endOffset(admin, out, IsolationLevel.READ_UNCOMMITTED));

            try (KafkaStage restarted = new KafkaStage("test", settings.withInstanceId("node-a"), "g", List.of(IN),
                    Clock.systemUTC(), KafkaStage.Delivery.EXACTLY_ONCE, records -> { }, () -> { })) {
                Thread.ofPlatform().daemon().start(restarted::run);
                awaitTrue(() -> endOffset(admin, out, IsolationLevel.READ_COMMITTED)
                        == endOffset(admin, out, IsolationLevel.READ_UNCOMMITTED), Duration.ofSeconds(60));
            }
            assertThatThrownBy(zombie::commitTransaction).as("the dead instance is fenced: what it left open was"
                    + " aborted, not committed").isInstanceOf(ProducerFencedException.class);
        }
    }

    @Test
    void aSecondProcessWithTheSameInstanceIdTakesOverAndTheFirstStopsSayingWhy() throws Exception {
        publish(4, i -> "value-" + i);
        KafkaStage[] first = new KafkaStage[1];
        first[0] = new KafkaStage("test", settings.withInstanceId("same"), "g", List.of(IN), Clock.systemUTC(),
                KafkaStage.Delivery.EXACTLY_ONCE, records -> records.forEach(r -> first[0].send(OUT, "k", "v")),
                () -> { });
        KafkaStage second = new KafkaStage("test", settings.withInstanceId("same"), "g", List.of(IN),
                Clock.systemUTC(), KafkaStage.Delivery.EXACTLY_ONCE, records -> { }, () -> { });
        AtomicReference<Throwable> stoppedBy = new AtomicReference<>();
        KafkaStage firstStage = first[0];
        try (firstStage; second; KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            Thread running = Thread.ofPlatform().daemon().start(() -> {
                try {
                    first[0].run();
                } catch (RuntimeException e) {
                    stoppedBy.set(e);
                }
            });
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == 4, Duration.ofSeconds(60));
            Thread.ofPlatform().daemon().start(second::run);
            publish(4, i -> "more-" + i);
            running.join(Duration.ofSeconds(60));
            assertThat(running.isAlive()).as("the first instance stopped").isFalse();
        }
        assertThat(stoppedBy.get()).isInstanceOf(InstanceConflictException.class)
                .hasMessageContaining("instance id \"same\"").hasMessageContaining("--instance-id");
    }

    @Test
    void aStopCommitsTheRecordsHandledSoFarAndTheNextInstanceGetsTheRest() throws Exception {
        publish(10, i -> "value-" + i);
        KafkaStage[] stage = new KafkaStage[1];
        AtomicInteger handled = new AtomicInteger();
        stage[0] = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(),
                KafkaStage.Delivery.EXACTLY_ONCE, records -> {
                    for (ConsumerRecord<byte[], byte[]> r : stage[0].records(records)) {
                        stage[0].send(OUT, new String(r.key(), StandardCharsets.UTF_8),
                                new String(r.value(), StandardCharsets.UTF_8));
                        if (handled.incrementAndGet() == 3) {
                            stage[0].stop(); // as a signal would, in the middle of a batch
                        }
                    }
                }, () -> { });
        Thread running = Thread.ofPlatform().daemon().start(stage[0]::run);
        running.join(Duration.ofSeconds(60));
        assertThat(running.isAlive()).as("run returns after the record in hand").isFalse();
        assertThat(running.isInterrupted()).isFalse();
        stage[0].close();
        assertThat(handled.get()).isEqualTo(3);
        assertThat(values(OUT, true)).as("the records handled are committed").hasSize(3);

        try (KafkaStage next = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(),
                KafkaStage.Delivery.EXACTLY_ONCE, records -> { }, () -> { });
             KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            Thread.ofPlatform().daemon().start(next::run);
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == backlog.total(), Duration.ofSeconds(60));
        }
    }

    @Test
    void theDeadLettersOfABatchRetriedAfterAnOutageAreSentOnce() throws Exception {
        publish(3, i -> i == 1 ? "not json" : "ok-" + i);
        AtomicInteger outagesLeft = new AtomicInteger(2);
        KafkaStage[] stage = new KafkaStage[1];
        stage[0] = new KafkaStage("test", settings, "g", List.of(IN), Clock.systemUTC(), records -> {
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (new String(r.value(), StandardCharsets.UTF_8).equals("not json")) {
                    stage[0].deadLetter(r, "value \"not json\" is not JSON");
                }
            }
            if (outagesLeft.getAndDecrement() > 0) {
                throw new IllegalStateException("database away"); // the batch's write failed: retried whole
            }
        }, () -> { });
        try (KafkaStage running = stage[0]; KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            Thread.ofPlatform().daemon().start(running::run);
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(IN));
            awaitTrue(() -> admin.processed("g", backlog) == 3, Duration.ofSeconds(60));
            assertThat(running.deadLettered()).isEqualTo(1);
        }
        assertThat(outagesLeft.get()).as("two attempts failed").isNegative();
        assertThat(values(KafkaTopics.DLQ, false)).as("one letter, though the batch was handled three times").hasSize(1);
    }

    @Test
    void theDeadLetterLogShowsEachOriginOncePerStage() throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (String stage : List.of("store", "store", "enrich")) {
                DeadLetter letter = new DeadLetter(DeadLetter.SCHEMA_VERSION, IN, 1, 42L, "k", stage, "rejected",
                        "{}", java.time.Instant.EPOCH);
                producer.send(new ProducerRecord<>(KafkaTopics.DLQ, "k", Json.write(letter))).get();
            }
        }
        List<DeadLetterLog.Entry> entries = DeadLetterLog.read(settings, Duration.ofSeconds(30));
        assertThat(entries).extracting(e -> e.letter().stage()).containsExactly("store", "enrich");
    }

    private static long endOffset(Admin admin, TopicPartition partition, IsolationLevel isolation) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(isolation)).all()
                .get(10, TimeUnit.SECONDS).get(partition).offset();
    }

    private void publish(int count, java.util.function.IntFunction<String> value) throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(IN, "k" + i, value.apply(i).getBytes(StandardCharsets.UTF_8))).get();
            }
        }
    }

    /** The values in {@code topic}, read to its end; the stages writing to it are closed. */
    private List<String> values(String topic, boolean readCommitted) {
        return TopicContents.values(kafka.bootstrapServers(), topic, readCommitted);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void awaitTrue(Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!check.ok()) {
            assertThat(System.nanoTime()).as("condition not met within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
