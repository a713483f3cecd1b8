package io.newsmon.testkit;

import io.newsmon.broker.EmbeddedKafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A real Kafka broker for one integration test: the {@code apache/kafka} image through Testcontainers
 * where a Docker engine exists, else the embedded single-node KRaft broker in a temporary folder.
 */
public final class TestKafka implements AutoCloseable {
    private final KafkaContainer container;
    private final EmbeddedKafkaBroker embedded;
    private final Path dataDir;

    private TestKafka(KafkaContainer container, EmbeddedKafkaBroker embedded, Path dataDir) {
        this.container = container;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    /** Starts a broker; with no Docker engine this takes about 3 s in-process. */
    public static TestKafka start() {
        if (DockerSupport.available()) {
            KafkaContainer container = new KafkaContainer("apache/kafka:4.1.0");
            container.start();
            return new TestKafka(container, null, null);
        }
        try {
            Path dir = Files.createTempDirectory("newsmon-test-kafka");
            return new TestKafka(null, EmbeddedKafkaBroker.start(dir, 0), dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the test broker", e);
        }
    }

    /** The {@code bootstrap.servers} value for clients. */
    public String bootstrapServers() {
        return container != null ? container.getBootstrapServers() : embedded.bootstrapServers();
    }

    @Override
    public void close() {
        if (container != null) {
            container.stop();
            return;
        }
        embedded.close();
        deleteRecursively(dataDir);
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
