package io.newsmon.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerIT {
    @TempDir
    Path dir;

    @Test
    void keepsRecordsAcrossARestartOnTheSameFolder() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0)) {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
            }
            try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers", broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 100; i++) {
                    producer.send(new ProducerRecord<>("t", "k" + i, "v" + i));
                }
                producer.flush();
            }
        }
        try (EmbeddedKafkaBroker again = EmbeddedKafkaBroker.start(dir, 0)) {
            assertThat(readAll(again.bootstrapServers())).hasSize(100).contains("v0", "v99");
        }
    }

    @Test
    void picksOtherPortsWhenOneItPickedWasTakenBeforeTheBind() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger picks = new AtomicInteger();
            EmbeddedKafkaBroker.PortPicker firstTaken = () -> picks.getAndIncrement() == 0
                    ? new int[] {taken.getLocalPort(), EmbeddedKafkaBroker.freePorts()[1]}
                    : EmbeddedKafkaBroker.freePorts();
            try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, 0, firstTaken)) {
                assertThat(picks.get()).as("ports picked").isEqualTo(2);
                assertThat(broker.bootstrapServers()).isNotEqualTo("127.0.0.1:" + taken.getLocalPort());
                try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
                    admin.createTopics(List.of(new NewTopic("t", 2, (short) 1))).all().get();
                }
            }
        }
    }

    @Test
    void aClientPortAskedForAndTakenFailsWithoutPickingAgain() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            AtomicInteger picks = new AtomicInteger();
            EmbeddedKafkaBroker.PortPicker counting = () -> {
                picks.incrementAndGet();
                return EmbeddedKafkaBroker.freePorts();
            };
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, taken.getLocalPort(), counting))
                    .isInstanceOf(RuntimeException.class);
            assertThat(picks.get()).as("ports picked").isEqualTo(1);
        }
    }

    /** The values of topic t, read from the start of each partition to the end it had when the read began. */
    private static List<String> readAll(String bootstrap) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers", bootstrap),
                new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor("t").stream()
                    .map(p -> new TopicPartition("t", p.partition())).toList();
            assertThat(partitions).as("the topic's partitions").hasSize(2);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                assertThat(System.nanoTime()).as("t read to its end within 30 s").isLessThan(deadline);
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
