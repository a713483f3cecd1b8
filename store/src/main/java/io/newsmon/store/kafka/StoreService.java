package io.newsmon.store.kafka;

import io.newsmon.kafka.Incoming;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.StageHandler;
import io.newsmon.kafka.StageOutput;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.kafka.TypedStage;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.StoreException;
import io.newsmon.store.jdbc.StoreTimeoutException;
import io.newsmon.store.jdbc.StoreUnavailableException;
import io.newsmon.store.jdbc.WriteResult;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The store stage on Kafka: consumes {@value KafkaTopics#ENRICHED} and {@value KafkaTopics#DUPLICATES} and writes
 * each batch to the {@link ArticleStore} in one transaction; offsets are committed only after the
 * database commit, and the write is an idempotent upsert keyed by article id, so a batch handed over
 * again after a crash stores nothing twice. While the database is away the batch is retried with backoff;
 * when the write of the batch fails in any other way (the database rejects it, a statement runs past the
 * store's write timeout, the record budget), each article is written alone, and the one that is rejected,
 * or whose own write times out while the database answers, is dead-lettered with the reason, so that one
 * bad article does not stall its partition.
 *
 * <p><b>Meters.</b> {@link StoreMetrics}: rows inserted and unchanged, the time of each database write (a
 * batch, or one article when a batch was rejected), and for each new row the time from the moment ingest
 * read the article's entry in its feed ({@link EnrichedArticle#discoveredAt()}) to the database commit, so
 * it excludes the feed's poll interval and includes fetching, both Kafka hops, enrichment and the write.
 * The runner ({@link TypedStage}) adds the dead letters and {@code newsmon.consumer.lag} (tag
 * {@code stage=store}), the input records not yet read.
 */
public final class StoreService implements AutoCloseable {
    /** The consumer group of the store stage. */
    public static final String GROUP = "newsmon-store";

    private final ArticleStore store;
    private final TypedStage<EnrichedArticle, Void> stage;
    private final Clock clock;
    private final StoreMetrics metrics;

    /**
     * @param clock  the time source of dead letters and of freshness
     * @param meters where the stage's meters are registered
     */
    public StoreService(KafkaSettings settings, ArticleStore store, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.metrics = new StoreMetrics(meters);
        this.stage = new TypedStage<>("store", settings, GROUP,
                List.of(KafkaTopics.ENRICHED_ARTICLES, KafkaTopics.DUPLICATE_ARTICLES), clock, KafkaStage.Delivery.AT_LEAST_ONCE,
                store.writeTimeout(), meters, new Writer());
    }

    /** Consumes until {@link #close()}; run it on a thread of its own. */
    public void run() {
        stage.run();
    }

    /** Writes each batch; it keeps nothing per batch, since each write is committed when it returns. */
    private final class Writer implements StageHandler<EnrichedArticle, Void> {
        @Override
        public Void newBatch() {
            return null;
        }

        @Override
        public void handle(Iterable<Incoming<EnrichedArticle>> messages, Void batch, StageOutput output) {
            List<Incoming<EnrichedArticle>> articles = new ArrayList<>();
            messages.forEach(articles::add);
            try {
                count(write(articles.stream().map(Incoming::value).toList()));
            } catch (StoreUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                // The database rejected the batch, a write timed out or the write failed in some other way:
                // each article alone shows which one it was.
                articles.forEach(article -> writeAlone(article, output));
            }
        }
    }

    private void writeAlone(Incoming<EnrichedArticle> message, StageOutput output) {
        EnrichedArticle article = message.value();
        try {
            count(write(List.of(article)));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StoreTimeoutException e) {
            store.ping(); // a database that does not answer is away, and the batch is retried
            output.deadLetter(message, "store gave up article " + article.id() + " (" + article.url() + "): its write"
                    + " took longer than the record budget of " + store.writeTimeout().toSeconds() + " s (setting"
                    + " record-budget) while the database answered");
        } catch (RuntimeException e) {
            output.deadLetter(message, "the database rejected article " + article.id() + " (" + article.url() + "): "
                    + (e instanceof StoreException ? e.getMessage() : e.toString()));
        }
    }

    /** Writes and times the batch, then records the freshness of each new row. */
    private WriteResult write(List<EnrichedArticle> articles) {
        long start = System.nanoTime();
        WriteResult result = store.upsert(articles);
        metrics.wrote(Duration.ofNanos(System.nanoTime() - start));
        Instant committed = clock.instant();
        Set<String> fresh = new HashSet<>(result.insertedIds());
        for (EnrichedArticle article : articles) {
            if (article.discoveredAt() != null && fresh.remove(article.id())) {
                // ingest's clock may run ahead of this one: a row is at least 0 s fresh, never dropped
                Duration age = Duration.between(article.discoveredAt(), committed);
                metrics.fresh(age.isNegative() ? Duration.ZERO : age);
            }
        }
        return result;
    }

    private void count(WriteResult result) {
        metrics.written(result);
    }

    /** Rows inserted since start. */
    public long inserted() {
        return metrics.rows();
    }

    /** Articles received that were already stored, since start. */
    public long unchanged() {
        return metrics.unchanged();
    }

    /** Records sent to {@value KafkaTopics#DLQ} since start. */
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
