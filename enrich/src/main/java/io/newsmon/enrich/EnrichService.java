package io.newsmon.enrich;

import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.Topics;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.Json;
import io.newsmon.model.MalformedMessageException;
import io.newsmon.model.RawPage;
import io.newsmon.model.TopicTag;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The enrich stage on Kafka: consumes {@value Topics#RAW}, runs the {@link Enricher} and publishes each
 * fresh article to {@value Topics#ENRICHED} and to {@code news.topic.<id>} for each of its tags, each
 * duplicate to {@value Topics#DUPLICATES}, and each page it cannot read or enrich to {@value Topics#DLQ}.
 * Offsets are committed after the batch's records are acknowledged.
 */
public final class EnrichService implements AutoCloseable {
    /** The consumer group of the enrich stage. */
    public static final String GROUP = "newsmon-enrich";

    private final Enricher enricher;
    private final KafkaStage stage;
    private final AtomicLong enriched = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final List<EnrichedArticle> seenInBatch = new ArrayList<>();

    public EnrichService(KafkaSettings settings, Enricher enricher, Clock clock) {
        this.enricher = enricher;
        this.stage = new KafkaStage("enrich", settings, GROUP, List.of(Topics.RAW), clock, this::handle, this::abort);
    }

    /** Consumes until {@link #close()}; run it on a thread of its own. */
    public void run() {
        stage.run();
    }

    private void handle(List<ConsumerRecord<byte[], byte[]>> records) {
        seenInBatch.clear();
        records.forEach(this::handle);
    }

    /** The batch was not delivered and comes again: its articles must not count as seen then. */
    private void abort() {
        seenInBatch.forEach(enricher::forget);
        seenInBatch.clear();
    }

    private void handle(ConsumerRecord<byte[], byte[]> record) {
        EnrichResult result;
        try {
            result = enricher.enrich(Json.read(record.value(), RawPage.class));
        } catch (MalformedMessageException e) {
            stage.deadLetter(record, e.getMessage());
            return;
        } catch (RuntimeException e) {
            stage.deadLetter(record, "enrich failed on " + record.key() + ": " + e);
            return;
        }
        switch (result) {
            case EnrichResult.Fresh fresh -> publish(fresh.article());
            case EnrichResult.Duplicate duplicate -> {
                seenInBatch.add(duplicate.article());
                duplicates.incrementAndGet();
                stage.send(Topics.DUPLICATES, duplicate.id(), duplicate.article());
            }
            case EnrichResult.AlreadySeen seen -> { }
            case EnrichResult.Rejected rejection -> stage.deadLetter(record, rejection.reason());
        }
    }

    private void publish(EnrichedArticle article) {
        seenInBatch.add(article);
        enriched.incrementAndGet();
        stage.send(Topics.ENRICHED, article.id(), article);
        for (TopicTag tag : article.topics()) {
            stage.send(Topics.forTag(tag.id()), article.id(), article);
        }
    }

    /** Articles published to {@value Topics#ENRICHED} since start. */
    public long enriched() {
        return enriched.get();
    }

    /** Duplicates published to {@value Topics#DUPLICATES} since start. */
    public long duplicates() {
        return duplicates.get();
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
