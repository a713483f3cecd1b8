package io.newsmon.store;

import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.Topics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.MalformedMessageException;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.StoreException;
import io.newsmon.store.jdbc.StoreUnavailableException;
import io.newsmon.store.jdbc.WriteResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The store stage on Kafka: consumes {@value Topics#ENRICHED} and {@value Topics#DUPLICATES} and writes
 * each batch to the {@link ArticleStore} in one transaction; offsets are committed only after the
 * database commit, and the write is an idempotent upsert keyed by article id, so a batch handed over
 * again after a crash stores nothing twice. While the database is away the batch is retried with backoff;
 * when the database rejects the batch itself, each article is written alone and the one it rejects is
 * dead-lettered, so that one bad article does not stall its partition.
 */
public final class StoreService implements AutoCloseable {
    /** The consumer group of the store stage. */
    public static final String GROUP = "newsmon-store";

    private final ArticleStore store;
    private final KafkaStage stage;
    private final AtomicLong inserted = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();

    public StoreService(KafkaSettings settings, ArticleStore store, Clock clock) {
        this.store = store;
        this.stage = new KafkaStage("store", settings, GROUP, List.of(Topics.ENRICHED, Topics.DUPLICATES), clock,
                this::handle, () -> { });
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
            count(store.upsert(batch.stream().map(Received::article).toList()));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StoreException e) {
            batch.forEach(received -> writeAlone(received.article(), received.record()));
        }
    }

    private record Received(EnrichedArticle article, ConsumerRecord<byte[], byte[]> record) {
    }

    private void writeAlone(EnrichedArticle article, ConsumerRecord<byte[], byte[]> record) {
        try {
            count(store.upsert(List.of(article)));
        } catch (StoreUnavailableException e) {
            throw e;
        } catch (StoreException e) {
            stage.deadLetter(record, "the database rejected article " + article.id() + " (" + article.url() + "): "
                    + e.getMessage());
        }
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

    @Override
    public void close() {
        stage.close();
    }
}
