package io.newsmon.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.Json;
import io.newsmon.testkit.TestKafka;
import io.newsmon.testkit.TopicContents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stage over typed topics on a real broker: values are decoded into the topic's type, what does not
 * decode is dead-lettered with the reason, and the handler's batch result comes back as delivered or
 * aborted.
 */
class TypedStageIT {
    record Note(int n, String text) {
    }

    private static final KafkaTopic<Note> NOTES = new KafkaTopic<>("test.notes", Note.class);
    private static final KafkaTopic<Note> ECHOES = new KafkaTopic<>("test.echoes", Note.class);

    private TestKafka kafka;
    private KafkaSettings settings;

    @BeforeEach
    void start() {
        kafka = TestKafka.start();
        settings = new KafkaSettings(kafka.bootstrapServers(), "test");
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            admin.ensureTopics(List.of(new KafkaTopicSpec(NOTES.name(), 1, Map.of()), new KafkaTopicSpec(ECHOES.name(), 1, Map.of()),
                    new KafkaTopicSpec(KafkaTopics.DLQ, 1, Map.of())));
        }
    }

    @AfterEach
    void stop() {
        kafka.close();
    }

    @Test
    void decodesDeadLettersWhatDoesNotDecodeAndHandsTheBatchResultBack() throws Exception {
        try (var producer = new KafkaProducer<String, byte[]>(settings.producer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(NOTES.name(), "k" + i, NOTES.encode(new Note(i, "note " + i)))).get();
            }
            producer.send(new ProducerRecord<>(NOTES.name(), "bad", "{not json".getBytes(StandardCharsets.UTF_8))).get();
        }
        AtomicInteger failuresLeft = new AtomicInteger(1);
        List<List<Integer>> aborted = Collections.synchronizedList(new ArrayList<>());
        List<Integer> delivered = Collections.synchronizedList(new ArrayList<>());
        List<String> origins = Collections.synchronizedList(new ArrayList<>());
        StageHandler<Note, List<Integer>> handler = new StageHandler<>() {
            @Override
            public List<Integer> newBatch() {
                return new ArrayList<>();
            }

            @Override
            public void handle(Iterable<Incoming<Note>> messages, List<Integer> batch, StageOutput output) {
                for (Incoming<Note> message : messages) {
                    output.send(ECHOES, message.key(), message.value());
                    batch.add(message.value().n());
                    origins.add(message.origin());
                }
                if (failuresLeft.getAndDecrement() > 0) {
                    throw new IllegalStateException("database away");
                }
            }

            @Override
            public void delivered(List<Integer> batch) {
                delivered.addAll(batch);
            }

            @Override
            public void aborted(List<Integer> batch) {
                aborted.add(List.copyOf(batch));
            }
        };
        SimpleMeterRegistry meters = new SimpleMeterRegistry();

        try (TypedStage<Note, List<Integer>> stage = new TypedStage<>("typed", settings, "g", List.of(NOTES),
                Clock.systemUTC(), KafkaStage.Delivery.EXACTLY_ONCE, Duration.ofSeconds(5), meters, handler);
             KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            assertThat(meters.get(TypedStage.LAG).tag("stage", "typed").gauge()).isNotNull();
            new Thread(stage::run).start();
            KafkaTopicAdmin.Backlog backlog = admin.backlog(List.of(NOTES.name()));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (admin.processed("g", backlog) < 6) {
                assertThat(System.nanoTime()).as("all 6 records processed within 60 s").isLessThan(deadline);
                Thread.sleep(100);
            }
            assertThat(stage.deadLettered()).isEqualTo(1);
        }

        assertThat(aborted).as("the failed batch came back as aborted, with what it had done").hasSize(1);
        assertThat(aborted.get(0)).isNotEmpty();
        assertThat(delivered).as("each note delivered once").containsExactlyInAnyOrder(0, 1, 2, 3, 4);
        assertThat(origins).contains("test.notes-0@0", "test.notes-0@4");
        List<byte[]> letters = read(KafkaTopics.DLQ, 1);
        assertThat(letters).hasSize(1);
        DeadLetter letter = Json.read(letters.get(0), DeadLetter.class);
        assertThat(letter.key()).isEqualTo("bad");
        assertThat(letter.offset()).isEqualTo(5);
        assertThat(letter.error()).startsWith("not a valid Note in JSON");
        assertThat(read(ECHOES.name(), 5).stream().map(ECHOES::decode).map(Note::n))
                .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    }

    /** The committed values of {@code topic}, read to its end offsets. */
    private List<byte[]> read(String topic, int expected) {
        List<byte[]> values = TopicContents.bytes(kafka.bootstrapServers(), topic, true);
        assertThat(values).as("records in " + topic).hasSize(expected);
        return values;
    }
}
