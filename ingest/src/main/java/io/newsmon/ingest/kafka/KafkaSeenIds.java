package io.newsmon.ingest.kafka;

import io.newsmon.ingest.SeenIds;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaTopicFollower;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.SeenArticle;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The published article ids, kept in the compacted topic {@value KafkaTopics#INGEST_SEEN} and in memory. At
 * start the whole topic is read, and it is followed afterwards, so ids published by other ingest instances
 * are learnt too. {@link #add} returns once the broker has acknowledged the id.
 */
final class KafkaSeenIds implements SeenIds, AutoCloseable {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();
    private final Producer<String, byte[]> producer;
    private final Clock clock;
    private final KafkaTopicFollower follower;

    KafkaSeenIds(KafkaSettings settings, Producer<String, byte[]> producer, Clock clock) {
        this.producer = producer;
        this.clock = clock;
        this.follower = new KafkaTopicFollower(settings, KafkaTopics.INGEST_SEEN, (id, value) -> {
            if (id != null && value != null) {
                ids.add(id);
            }
        }).start();
    }

    /** Waits until every id published before the start is known. */
    void awaitLoaded(Duration timeout) {
        follower.awaitCaughtUp(timeout);
    }

    @Override
    public boolean contains(String id) {
        return ids.contains(id);
    }

    @Override
    public void add(String id, String url) throws Exception {
        SeenArticle seen = new SeenArticle(SeenArticle.SCHEMA_VERSION, id, url, clock.instant());
        producer.send(new ProducerRecord<>(KafkaTopics.SEEN_ARTICLES.name(), id, KafkaTopics.SEEN_ARTICLES.encode(seen))).get();
        ids.add(id);
    }

    /** How many ids are known. */
    int size() {
        return ids.size();
    }

    @Override
    public void close() {
        follower.close();
    }
}
