package io.newsmon.ingest.kafka;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.schedule.FeedStates;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaUnavailableException;
import io.newsmon.kafka.KafkaTopicFollower;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.FeedState;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed states in the compacted topic {@value KafkaTopics#INGEST_FEEDS}, and the share of the feeds this ingest
 * instance polls.
 *
 * <p>A feed's state goes to the partition of its host ({@link #partitionOf}), and the instances of the
 * consumer group {@value #GROUP} divide the partitions between them: an instance polls the feeds of the
 * partitions it holds, so all feeds of one host are polled by one instance and per-host politeness holds.
 * When it is given a partition, it reads the partition from the beginning and polls its feeds only once
 * their states are loaded; a rebalance moves feeds, with their state, to another instance. The topic is
 * read by a {@link KafkaTopicFollower#shared shared KafkaTopicFollower}, which commits nothing: it is always read from
 * the beginning.
 */
final class KafkaFeedStates implements FeedStates, AutoCloseable {
    /** The consumer group ingest instances share the feeds through. */
    static final String GROUP = "newsmon-ingest";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedStates.class);

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final Producer<String, byte[]> producer;
    private final KafkaTopicFollower follower;

    KafkaFeedStates(KafkaSettings settings, Producer<String, byte[]> producer) {
        this.producer = producer;
        // a static member under the instance id: a restarted ingest gets its feeds back without waiting
        // for its dead predecessor's session to time out
        this.follower = KafkaTopicFollower.shared(settings, KafkaTopics.INGEST_FEEDS, GROUP, this::apply,
                new KafkaTopicFollower.Partitions() {
                    @Override
                    public void loaded(int partition) {
                        ready.add(partition);
                    }

                    @Override
                    public void revoked(int partition) {
                        ready.remove(partition);
                    }

                    @Override
                    public void settled(int held) {
                        LOG.info("ingest: polling the feeds of {} of {} partitions of {}", held,
                                KafkaTopics.INGEST_FEED_PARTITIONS, KafkaTopics.INGEST_FEEDS);
                    }
                }).start();
    }

    /** The partition of {@value KafkaTopics#INGEST_FEEDS} that holds the state of the feed at {@code feedUrl}: by host. */
    static int partitionOf(String feedUrl) {
        String host = URI.create(feedUrl).getHost();
        String key = host == null ? feedUrl : host.toLowerCase(Locale.ROOT);
        return Math.floorMod(key.hashCode(), KafkaTopics.INGEST_FEED_PARTITIONS);
    }

    /** The feeds among {@code feeds} this instance polls now: those of the partitions it holds and has loaded. */
    List<FeedSource> assigned(List<FeedSource> feeds) {
        return feeds.stream().filter(feed -> ready.contains(partitionOf(feed.url()))).toList();
    }

    /**
     * Waits until the group has given this instance its partitions and their states are loaded.
     *
     * @throws KafkaUnavailableException when that takes longer than {@code timeout}
     */
    void awaitAssignment(Duration timeout) {
        follower.awaitCaughtUp(timeout);
    }

    @Override
    public Optional<FeedState> get(String feedUrl) {
        return Optional.ofNullable(states.get(feedUrl));
    }

    @Override
    public void put(FeedState state) throws Exception {
        states.merge(state.feedUrl(), state, KafkaFeedStates::newer);
        producer.send(new ProducerRecord<>(KafkaTopics.INGEST_FEEDS, partitionOf(state.feedUrl()), state.feedUrl(),
                KafkaTopics.FEED_STATES.encode(state))).get();
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            FeedState state = KafkaTopics.FEED_STATES.decode(record.value());
            states.merge(new String(record.key(), StandardCharsets.UTF_8), state, KafkaFeedStates::newer);
        } catch (RuntimeException e) {
            LOG.warn("ingest: skipped an unreadable feed state at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
        }
    }

    /** The later of two states of one feed: our own write comes back from the topic after newer ones. */
    private static FeedState newer(FeedState kept, FeedState other) {
        Instant a = kept.lastPoll();
        Instant b = other.lastPoll();
        return a != null && (b == null || a.isAfter(b)) ? kept : other;
    }

    @Override
    public void close() {
        follower.close();
    }
}
