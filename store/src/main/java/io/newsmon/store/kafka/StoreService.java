package io.newsmon.store.kafka;

import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.Topics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.MalformedMessageException;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.StoreException;
import io.newsmon.store.jdbc.StoreTimeoutException;
import io.newsmon.store.jdbc.StoreUnavailableException;
import io.newsmon.store.jdbc.WriteResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The store stage on Kafka: consumes {@value Topics#ENRICHED} and {@value Topics#DUPLICATES} and writes
 * each batch to the {@link ArticleStore} in one transaction; offsets are committed only after the
 * database commit, and the write is an idempotent upsert keyed by article id, so a batch handed over
 * again after a crash stores nothing twice. While the database is away the batch is retried with backoff;
 * when the write of the batch fails in any other way (the database rejects it, a statement runs past the
 * store's write timeout, the record budget), each article is written alone, and the one that is rejected,
 * or whose own write times out while the database answers, is dead-lettered with the reason, so that one
 * bad article does not stall its partition.
 *
 * <p><b>Meters.</b> {@value #WRITE_LATENCY} times each database write (a batch, or one article when a
 * batch was rejected); {@value #FRESHNESS} records, for each new row, the time from the moment ingest read
 * the article's entry in its feed ({@link EnrichedArticle#discoveredAt()}) to the database commit, so it
 * excludes the feed's poll interval and includes fetching, both Kafka hops, enrichment and the write;
 * {@code newsmon.consumer.lag} (tag {@code stage=store}) gives the input records not yet read.
 */
public final class StoreService implements AutoCloseable {
    /** The consumer group of the store stage. */
    public static final String GROUP = "newsmon-store";
    /** The timer of database writes. */
    public static final String WRITE_LATENCY = "newsmon.store.write.latency";
    /** The timer of pipeline freshness: from an entry read in its feed to its row committed. */
    public static final String FRESHNESS = "newsmon.pipeline.freshness";

    private final ArticleStore store;
    private final KafkaStage stage;
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final Clock clock;
    private final Timer writeLatency;
    private final Timer freshness;

    /**
     * @param clock  the time source of dead letters and of freshness
     * @param meters where the stage's meters are registered
     */
    public StoreService(KafkaSettings settings, ArticleStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.stage = new KafkaStage("store", settings, GROUP, List.of(Topics.ENRICHED, Topics.DUPLICATES), clock,
                KafkaStage.Delivery.AT_LEAST_ONCE, store.writeTimeout(), this::handle, () -> { }, () -> { });
        this.writeLatency = Timer.builder(WRITE_LATENCY).description("database writes, a batch each")
                .publishPercentileHistogram().register(meters);
        this.freshness = Timer.builder(FRESHNESS)
                .description("from an entry read in its feed to its row in the database, per new row")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1)).register(meters);
        Gauge.builder("newsmon.consumer.lag", stage, KafkaStage::lag).tag("stage", "store")
                .description("records of the input topics not yet read by this instance").register(meters);
    }

    /** Consumes until {@link #close()}; run it on a thread of its own. */
    public void run() {
        stage.run();
    }

    private void handle(List<ConsumerRecord<byte[], byte[]>> records) {
        List<Received> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], byte[]> record : records) {
            try {
                batch.add(new Received(Json.read(record.value(), EnrichedArticle.class), record));
            } catch (MalformedMessageException e) {
                stage.deadLetter(record, e.getMessage());
            }
        }
        try {
            count(write(batch.stream().map(Received::article).toList()));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (RuntimeException e) {
            // The database rejected the batch, a write timed out or the write failed in some other way:
            // each article alone shows which one it was.
            batch.forEach(received -> writeAlone(received.article(), received.record()));
        }
    }

    private record Received(EnrichedArticle article, ConsumerRecord<byte[], byte[]> record) {
    }

    private void writeAlone(EnrichedArticle article, ConsumerRecord<byte[], byte[]> record) {
        try {
            count(write(List.of(article)));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StoreTimeoutException e) {
            store.ping(); // a database that does not answer is away, and the batch is retried
            stage.deadLetter(record, "store gave up article " + article.id() + " (" + article.url() + "): its write"
                    + " took longer than the record budget of " + store.writeTimeout().toSeconds() + " s (setting"
                    + " record-budget) while the database answered");
        } catch (RuntimeException e) {
            stage.deadLetter(record, "the database rejected article " + article.id() + " (" + article.url() + "): "
                    + (e instanceof StoreException ? e.getMessage() : e.toString()));
        }
    }

    /** Writes and times the batch, then records the freshness of each new row. */
    private WriteResult write(List<EnrichedArticle> articles) {
        long start = System.nanoTime();
        WriteResult result = store.upsert(articles);
        writeLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        Instant committed = clock.instant();
        Set<String> fresh = new HashSet<>(result.insertedIds());
        for (EnrichedArticle article : articles) {
            if (article.discoveredAt() != null && fresh.remove(article.id())) {
                // ingest's clock may run ahead of this one: a row is at least 0 s fresh, never dropped
                Duration age = Duration.between(article.discoveredAt(), committed);
                freshness.record(age.isNegative() ? Duration.ZERO : age);
            }
        }
        return result;
    }

    private void count(WriteResult result) {
        inserted.addAndGet(result.inserted());
        unchanged.addAndGet(result.unchanged());
    }

    /** Rows inserted since start. */
    public long inserted() {
        return inserted.get();
    }

    /** Articles received that were already stored, since start. */
    public long unchanged() {
        return unchanged.get();
    }

    /** Records sent to {@value Topics#DLQ} since start. */
    public long rejected() {
        return stage.deadLettered();
    }

    /** Asks the stage to stop and returns at once: {@link #run()} returns once the batch in hand is written. */
    public void stop() {
        stage.stop();
    }

    @Override
    public void close() {
        stage.close();
    }
}
