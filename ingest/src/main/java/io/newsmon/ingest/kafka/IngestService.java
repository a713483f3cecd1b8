package io.newsmon.ingest.kafka;

import io.newsmon.ingest.FeedHealth;
import io.newsmon.ingest.FeedPoll;
import io.newsmon.ingest.IngestMetrics;
import io.newsmon.ingest.IngestReport;
import io.newsmon.ingest.Ingester;
import io.newsmon.ingest.PageSink;
import io.newsmon.ingest.SeenIds;
import io.newsmon.ingest.SilentFeed;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.OversizedRecordException;
import io.newsmon.kafka.KafkaTopicFollower;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import io.newsmon.model.text.Printable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage on Kafka: polls the feeds with an {@link Ingester} and publishes each fetched page to
 * {@value KafkaTopics#RAW}, keyed by article id. A page counts as seen only once the broker has acknowledged it
 * ({@code acks=all}, idempotent producer); seen ids go to {@value KafkaTopics#INGEST_SEEN} and feed states to
 * {@value KafkaTopics#INGEST_FEEDS}, both compacted, so a restart publishes nothing twice and goes on with each
 * feed's validators, interval and backoff. Several instances share the feeds through the consumer group
 * {@value KafkaFeedStates#GROUP}, all feeds of one host on one instance. The ingester's meters gain the
 * gauges of this instance's feeds' health ({@link IngestMetrics}).
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final Ingester ingester;
    private final List<FeedSource> feeds;
    private final Clock clock;
    private final Producer<String, byte[]> producer;
    private final KafkaSeenIds seen;
    private final KafkaFeedStates states;
    private volatile boolean running = true;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    /**
     * @param settings where the broker is
     * @param ingester the polling and fetching logic; closed with this service
     * @param feeds    every configured feed; this instance polls its share
     * @param clock    the clock of the ingester
     */
    public IngestService(KafkaSettings settings, Ingester ingester, List<FeedSource> feeds, Clock clock) {
        this.ingester = ingester;
        this.feeds = List.copyOf(feeds);
        this.clock = clock;
        this.producer = new KafkaProducer<>(settings.producer());
        this.seen = new KafkaSeenIds(settings, producer, clock);
        this.states = new KafkaFeedStates(settings, producer);
        ingester.meterHealth(this::assignedFeeds, states);
    }

    /**
     * Every feed state kept in {@value KafkaTopics#INGEST_FEEDS}, by feed URL, read from the beginning to the end.
     *
     * @throws io.newsmon.kafka.KafkaUnavailableException when the topic cannot be read within {@code timeout}
     */
    public static Map<String, FeedState> feedStates(KafkaSettings settings, Duration timeout) {
        Map<String, FeedState> states = new HashMap<>();
        KafkaTopicFollower.readAll(settings, KafkaTopics.INGEST_FEEDS, (url, value) -> {
            if (value == null) {
                states.remove(url);
            } else {
                states.put(url, KafkaTopics.FEED_STATES.decode(value));
            }
        }, timeout);
        return states;
    }

    /** Polls each of this instance's feeds once now, whatever its schedule, and publishes every new article page. */
    public IngestReport pollOnce() {
        return pollOnce(null);
    }

    /**
     * As {@link #pollOnce()}, but stops fetching at {@code deadline} from now (null: none) and leaves what
     * it did not fetch by then for the next round; see {@link Ingester#pollOnce(List, FeedStates, SeenIds,
     * PageSink, Duration)}.
     */
    public IngestReport pollOnce(Duration deadline) {
        List<FeedSource> mine = start();
        IngestReport report = ingester.pollOnce(mine, states, seen, this::publish, deadline);
        LOG.info("ingest: polled {} feeds ({} failed, {} not modified), {} entries, {} pages published, {} pages failed",
                report.feeds(), report.feedsFailed(), report.feedsNotModified(), report.entries(), report.pagesFetched(),
                report.pagesFailed());
        if (report.feedsLeft() + report.pagesLeft() > 0) {
            LOG.warn("ingest: the deadline of {} s came first: {} feeds and {} pages were left for the next round",
                    deadline.toSeconds(), report.feedsLeft(), report.pagesLeft());
        }
        return report;
    }

    /** Polls each feed when it is due until {@link #stop()} or {@link #close()} is called. */
    public void runForever() {
        start();
        while (running) {
            List<FeedSource> mine = states.assigned(feeds);
            ingester.startDue(mine, states, seen, this::publish, this::log);
            try {
                stopRequested.await(untilNext(mine).toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Asks {@link #runForever()} to return, and returns at once; fetches under way end in {@link #close()}. */
    public void stop() {
        running = false;
        stopRequested.countDown();
    }

    /** The feeds this instance polls now: those of the partitions it holds and has loaded. */
    List<FeedSource> assignedFeeds() {
        return states.assigned(feeds);
    }

    private List<FeedSource> start() {
        seen.awaitLoaded(START_TIMEOUT);
        states.awaitAssignment(START_TIMEOUT);
        List<FeedSource> mine = states.assigned(feeds);
        LOG.info("ingest: {} of {} feeds are this instance's; {} articles already published", mine.size(), feeds.size(),
                seen.size());
        return mine;
    }

    private Duration untilNext(List<FeedSource> mine) {
        Instant now = clock.instant();
        Duration wait = ingester.nextDue(mine, states).map(next -> Duration.between(now, next)).orElse(TICK);
        return wait.isNegative() || wait.compareTo(TICK) > 0 ? TICK : wait;
    }

    private void log(FeedPoll poll) {
        if (!poll.failed()) {
            LOG.info("feed {}: {}, {} new of {} entries published, {} pages failed; next poll at {}", Printable.url(poll.feed().url()),
                    poll.notModified() ? "not modified" : "read", poll.published(), poll.entries(), poll.pagesFailed(),
                    poll.state().nextPoll());
        }
    }

    private void publish(RawPage page) throws InterruptedException, ExecutionException, PageSink.Refused {
        byte[] value = KafkaTopics.RAW_PAGES.encode(page);
        try {
            OversizedRecordException.requireFits(KafkaTopics.RAW_PAGES.name(), page.id(), value);
        } catch (OversizedRecordException e) {
            throw new PageSink.Refused(e.getMessage());
        }
        producer.send(new ProducerRecord<>(KafkaTopics.RAW_PAGES.name(), page.id(), value)).get();
    }

    /** Feed polls done since start. */
    public long polls() {
        return ingester.metrics().polls();
    }

    /** Feed polls that gave no entries (fetch failed, not a feed...), since start. */
    public long pollsFailed() {
        return ingester.metrics().pollsFailed();
    }

    /** Feed polls answered 304 Not Modified, since start. */
    public long notModified() {
        return ingester.metrics().notModified();
    }

    /** Article pages fetched and published to {@value KafkaTopics#RAW}, since start. */
    public long pagesPublished() {
        return ingester.metrics().pages();
    }

    /** Article pages that could not be fetched or published, since start. */
    public long pagesFailed() {
        return ingester.metrics().pagesFailed();
    }

    /** The health of the feeds this instance polls now, by the ingester's clock; see {@link FeedHealth}. */
    public FeedHealth feedHealth() {
        return ingester.health(assignedFeeds(), states);
    }

    /**
     * The feeds this instance polls that have not been read successfully for over twice their expected
     * interval plus a minute (see {@link FeedHealth}), in the order of the configured feeds.
     */
    public List<SilentFeed> silentFeeds() {
        return feedHealth().silent();
    }

    @Override
    public void close() {
        stop();
        ingester.close();
        states.close();
        seen.close();
        producer.close(Duration.ofSeconds(10));
    }
}
