package io.newsmon.app.pipeline;

import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.store.kafka.StoreService;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until the pipeline has processed everything published so far: first until enrich has committed
 * every record of {@code news.raw}, then until store has committed every record enrich produced. Because
 * each stage commits only after its side effect, a caught-up store group means every article is stored.
 * It gives up at the timeout, or at once when a stage's thread has stopped.
 */
public final class Drain {
    private static final Logger LOG = LoggerFactory.getLogger(Drain.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    private final KafkaSettings kafka;
    private final Duration timeout;
    private final List<Thread> stages;

    public Drain(KafkaSettings kafka, Duration timeout, List<Thread> stages) {
        this.kafka = kafka;
        this.timeout = timeout;
        this.stages = List.copyOf(stages);
    }

    /** True when both stages caught up within the timeout. */
    public boolean await() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(kafka)) {
            return await(admin, EnrichService.GROUP, List.of(KafkaTopics.RAW), deadline)
                    && await(admin, StoreService.GROUP, List.of(KafkaTopics.ENRICHED, KafkaTopics.DUPLICATES), deadline);
        }
    }

    private boolean await(KafkaTopicAdmin admin, String group, List<String> topics, long deadline) throws InterruptedException {
        KafkaTopicAdmin.Backlog backlog = admin.backlog(topics);
        long nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
        long done;
        while ((done = admin.processed(group, backlog)) < backlog.total()) {
            if (stages.stream().anyMatch(stage -> !stage.isAlive())) {
                LOG.error("newsmon: a stage has stopped (see above); {} of {} records in {} were processed by {}",
                        done, backlog.total(), topics, group);
                return false;
            }
            if (System.nanoTime() > deadline) {
                LOG.error("newsmon: {} processed {} of {} records in {} within {}; the rest are kept in Kafka and "
                        + "will be processed by the next run", group, done, backlog.total(), topics, timeout);
                return false;
            }
            if (System.nanoTime() > nextProgress) {
                LOG.info("newsmon: waiting for {}: {} of {} records in {} processed", group, done, backlog.total(), topics);
                nextProgress = System.nanoTime() + PROGRESS_EVERY.toNanos();
            }
            Thread.sleep(100);
        }
        return true;
    }
}
