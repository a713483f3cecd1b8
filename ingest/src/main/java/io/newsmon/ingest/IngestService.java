package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.Topics;
import io.newsmon.model.Json;
import io.newsmon.model.RawPage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage on Kafka: polls the feeds with an {@link Ingester} and publishes each fetched page to
 * {@value Topics#RAW}, keyed by article id. A page counts as seen only once the broker has acknowledged it
 * ({@code acks=all}, idempotent producer).
 */
public final class IngestService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestService.class);

    private final Ingester ingester;
    private final List<FeedSource> feeds;
    private final SeenIds seen;
    private final Producer<String, byte[]> producer;
    private volatile boolean running = true;

    /**
     * @param settings where the broker is
     * @param ingester the polling and fetching logic; closed with this service
     * @param feeds    the feeds to poll
     * @param seen     the ids already published
     */
    public IngestService(KafkaSettings settings, Ingester ingester, List<FeedSource> feeds, SeenIds seen) {
        this.ingester = ingester;
        this.feeds = List.copyOf(feeds);
        this.seen = seen;
        this.producer = new KafkaProducer<>(settings.producer());
    }

    /** Polls every feed once and publishes every new article page; returns the counts. */
    public IngestReport pollOnce() {
        IngestReport report = ingester.pollOnce(feeds, seen, this::publish);
        LOG.info("ingest: polled {} feeds ({} failed), {} entries, {} pages published, {} pages failed",
                report.feeds(), report.feedsFailed(), report.entries(), report.pagesFetched(), report.pagesFailed());
        return report;
    }

    /** Polls every {@code interval} until {@link #close()} is called. */
    public void runForever(Duration interval) {
        while (running) {
            pollOnce();
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publish(RawPage page) throws InterruptedException, ExecutionException {
        producer.send(new ProducerRecord<>(Topics.RAW, page.id(), Json.write(page))).get();
    }

    @Override
    public void close() {
        running = false;
        producer.close(Duration.ofSeconds(10));
        ingester.close();
    }
}
