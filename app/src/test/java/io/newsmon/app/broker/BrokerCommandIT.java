package io.newsmon.app.broker;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.app.Cli;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopicSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsmon broker}: a broker of its own that clients reach, found under its data folder, stopped cleanly. */
class BrokerCommandIT {
    @TempDir
    Path dir;

    @Test
    void servesClientsUntilStoppedAndKeepsItsDataForTheNextStart() throws Exception {
        String firstAddress = runBroker(address -> {
            try (KafkaTopicAdmin admin = new KafkaTopicAdmin(new KafkaSettings(address, "broker-test"))) {
                admin.ensureTopics(List.of(new KafkaTopicSpec("test.kept", 1, Map.of())));
            }
        });
        assertThat(RunningBroker.address(dir)).as("the address file is removed on stop").isNull();

        runBroker(address -> {
            try (var admin = org.apache.kafka.clients.admin.Admin.create(Map.of("bootstrap.servers", address))) {
                assertThat(admin.listTopics().names().get()).contains("test.kept");
            }
        });
        assertThat(firstAddress).startsWith("127.0.0.1:");
    }

    @Test
    void aPortOutOfRangeIsAUsageError() {
        Cli.Result result = Cli.execute("broker", "--data-dir", dir.toString(), "--port", "70000");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--port 70000 is not a port");
    }

    private interface WithAddress {
        void accept(String address) throws Exception;
    }

    /** Starts {@code newsmon broker} on a free port, runs {@code check} against it, stops it; returns its address. */
    private String runBroker(WithAddress check) throws Exception {
        AtomicReference<Cli.Result> result = new AtomicReference<>();
        Thread thread = new Thread(() -> result.set(Cli.execute("broker", "--data-dir", dir.toString(), "--port", "0")));
        thread.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String address;
        while ((address = RunningBroker.address(dir)) == null) {
            assertThat(System.nanoTime()).as("the broker published its address").isLessThan(deadline);
            if (!thread.isAlive()) {
                thread.join();
                throw new AssertionError("the broker command ended before it published its address: exit "
                        + result.get().exitCode() + "\n" + result.get().err() + "\n" + result.get().out());
            }
            Thread.sleep(100);
        }
        try {
            check.accept(address);
        } finally {
            thread.interrupt();
            thread.join(Duration.ofSeconds(60));
        }
        assertThat(thread.isAlive()).isFalse();
        assertThat(result.get().exitCode()).as(result.get().err()).isZero();
        assertThat(result.get().out()).contains("listening on " + address).contains("stopped");
        return address;
    }
}
