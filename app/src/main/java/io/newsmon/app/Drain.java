package io.newsmon.app;

import io.newsmon.enrich.EnrichService;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.TopicAdmin;
import io.newsmon.kafka.Topics;
import io.newsmon.store.StoreService;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the pipeline has processed everything published so far: first until enrich has committed
 * every record of {@code news.raw}, then until store has committed every record enrich produced. Because
 * each stage commits only after its side effect, a caught-up store group means every article is stored.
 */
final class Drain {
    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final KafkaSettings kafka;
    private final Duration timeout;

    Drain(KafkaSettings kafka, Duration timeout) {
        this.kafka = kafka;
        this.timeout = timeout;
    }

    /** True when both stages caught up within the timeout. */
    boolean await() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (TopicAdmin admin = new TopicAdmin(kafka)) {
            return await(admin, EnrichService.GROUP, List.of(Topics.RAW), deadline)
                    && await(admin, StoreService.GROUP, List.of(Topics.ENRICHED, Topics.DUPLICATES), deadline);
        }
    }

    private boolean await(TopicAdmin admin, String group, List<String> topics, long deadline) throws InterruptedException {
        Map<TopicPartition, Long> ends = admin.endOffsets(topics);
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        while (!admin.caughtUp(group, ends)) {
            if (System.nanoTime() > deadline) {
                LOG.error("newsmon: {} has not processed everything in {} within {}; some articles may not be stored yet",
                        group, topics, timeout);
                return false;
            }
            if (System.nanoTime() > nextProgress) {
                LOG.info("newsmon: waiting for {} to catch up on {} ({} of {} records done)", group, topics,
                        done(admin.committedOffsets(group), ends), ends.values().stream().mapToLong(Long::longValue).sum());
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(100);
        }
        return true;
    }

    private static long done(Map<TopicPartition, Long> committed, Map<TopicPartition, Long> ends) {
        return ends.keySet().stream().mapToLong(tp -> Math.min(committed.getOrDefault(tp, 0L), ends.get(tp))).sum();
    }
}
