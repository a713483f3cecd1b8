package io.newsmon.ingest.kafka;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.schedule.FeedStates;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaUnavailableException;
import io.newsmon.kafka.Topics;
import io.newsmon.model.FeedState;
import io.newsmon.model.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feed states in the compacted topic {@value Topics#INGEST_FEEDS}, and the share of the feeds this ingest
 * instance polls.
 *
 * <p>A feed's state goes to the partition of its host ({@link #partitionOf}), and the instances of the
 * consumer group {@value #GROUP} divide the partitions between them: an instance polls the feeds of the
 * partitions it holds, so all feeds of one host are polled by one instance and per-host politeness holds.
 * When it is given a partition, it reads the partition from the beginning and polls its feeds only once
 * their states are loaded; a rebalance moves feeds, with their state, to another instance. The consumer
 * runs on a thread of its own and commits nothing: the topic is always read from the beginning.
 */
final class KafkaFeedStates implements FeedStates, AutoCloseable {
    /** The consumer group ingest instances share the feeds through. */
    static final String GROUP = "newsmon-ingest";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaFeedStates.class);

    private final Map<String, FeedState> states = new ConcurrentHashMap<>();
    private final Set<Integer> ready = ConcurrentHashMap.newKeySet();
    private final Map<TopicPartition, Long> loading = new HashMap<>();
    private final Producer<String, byte[]> producer;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Thread thread;
    private final Object assignment = new Object();
    private volatile boolean assigned;
    private volatile boolean running = true;
    private final String instanceId;

    KafkaFeedStates(KafkaSettings settings, Producer<String, byte[]> producer) {
        this.producer = producer;
        // a static member under the instance id: a restarted ingest gets its feeds back without waiting
        // for its dead predecessor's session to time out
        this.consumer = new KafkaConsumer<>(settings.stageConsumer(GROUP, null));
        this.instanceId = settings.instanceId();
        this.thread = Thread.ofPlatform().daemon().name("newsmon-ingest-feeds").start(this::follow);
    }

    /** The partition of {@value Topics#INGEST_FEEDS} that holds the state of the feed at {@code feedUrl}: by host. */
    static int partitionOf(String feedUrl) {
        String host = URI.create(feedUrl).getHost();
        String key = host == null ? feedUrl : host.toLowerCase(Locale.ROOT);
        return Math.floorMod(key.hashCode(), Topics.INGEST_FEED_PARTITIONS);
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
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (assignment) {
            while (!assigned) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new KafkaUnavailableException("ingest was given no feeds by consumer group " + GROUP + " within "
                            + timeout.toSeconds() + " s: is the broker reachable, and are there fewer than "
                            + Topics.INGEST_FEED_PARTITIONS + " ingest instances?", null);
                }
                try {
                    assignment.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new KafkaUnavailableException("interrupted while waiting for feeds from group " + GROUP, e);
                }
            }
        }
    }

    @Override
    public Optional<FeedState> get(String feedUrl) {
        return Optional.ofNullable(states.get(feedUrl));
    }

    @Override
    public void put(FeedState state) throws Exception {
        states.merge(state.feedUrl(), state, KafkaFeedStates::newer);
        producer.send(new ProducerRecord<>(Topics.INGEST_FEEDS, partitionOf(state.feedUrl()), state.feedUrl(),
                Json.write(state))).get();
    }

    private void follow() {
        try {
            consumer.subscribe(List.of(Topics.INGEST_FEEDS), new Listener());
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                finishLoading();
            }
        } catch (WakeupException | InterruptException e) {
            // closing
        } catch (FencedInstanceIdException e) {
            LOG.error("ingest: another process started with this one's instance id \"{}\" (group {}) and took over its"
                    + " feeds, so this one polls none; give each ingest process its own --instance-id (or"
                    + " NEWSMON_INSTANCE_ID); by default it is the host name", instanceId, GROUP);
            ready.clear();
        } catch (KafkaException e) {
            LOG.error("ingest: stopped following {}; no feeds are polled until restart: {}", Topics.INGEST_FEEDS, e.toString());
            ready.clear();
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5))
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.key() == null || record.value() == null) {
            return;
        }
        try {
            FeedState state = Json.read(record.value(), FeedState.class);
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

    private void finishLoading() {
        loading.entrySet().removeIf(e -> {
            boolean done = consumer.position(e.getKey()) >= e.getValue();
            if (done) {
                ready.add(e.getKey().partition());
            }
            return done;
        });
        if (loading.isEmpty() && !assigned && !consumer.assignment().isEmpty()) {
            synchronized (assignment) {
                assigned = true;
                assignment.notifyAll();
            }
            LOG.info("ingest: polling the feeds of {} of {} partitions of {}", ready.size(),
                    Topics.INGEST_FEED_PARTITIONS, Topics.INGEST_FEEDS);
        }
    }

    private final class Listener implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            consumer.seekToBeginning(partitions);
            loading.putAll(consumer.endOffsets(partitions));
            assigned = false;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(p -> {
                ready.remove(p.partition());
                loading.remove(p);
            });
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
