package io.newsmon.app;

import io.newsmon.app.pipeline.Drain;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Waits until a running pipeline has provably done all its work, so that a test can then count rows and
 * records exactly: enrich has committed every record of {@value KafkaTopics#RAW}, store every record of
 * {@value KafkaTopics#ENRICHED} and {@value KafkaTopics#DUPLICATES} (a {@link Drain}), and {@value KafkaTopics#RAW} did not
 * grow meanwhile. A stage commits only after its side effect, so nothing of that work is still to come;
 * only a new page that ingest publishes later can add to it.
 */
final class Settled {
    private Settled() {
    }

    /** @throws AssertionError when the pipeline has not caught up within {@code timeout} */
    static void await(String bootstrapServers, Duration timeout) throws InterruptedException {
        KafkaSettings settings = new KafkaSettings(bootstrapServers, "test-settled");
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(settings)) {
            while (true) {
                Map<TopicPartition, Long> raw = admin.backlog(List.of(KafkaTopics.RAW)).ends();
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || !new Drain(settings, left, List.of()).await()) {
                    throw new AssertionError("the pipeline did not process everything published within " + timeout);
                }
                if (admin.backlog(List.of(KafkaTopics.RAW)).ends().equals(raw)) {
                    return;
                }
            }
        }
    }
}
