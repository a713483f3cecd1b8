package io.newsmon.app.pipeline;

import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.extract.TextExtractor;
import io.newsmon.enrich.metadata.MetadataExtractor;
import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.Ingester;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.PollLoop;
import io.newsmon.kafka.KafkaTopicAdmin;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.store.kafka.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.StoreOptions;
import io.newsmon.store.jdbc.StoreUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Builds the stage services from checked settings, for the commands of this package and for
 * {@code bench freshness}, so that what is measured is what runs; the commands own their lifecycles.
 */
public final class Stages {
    private Stages() {
    }

    /** Creates the topics every stage needs, plus {@code news.topic.<id>} for each topic. */
    public static void createTopics(KafkaSettings kafka, List<TopicDefinition> topics) {
        try (KafkaTopicAdmin admin = new KafkaTopicAdmin(kafka)) {
            admin.ensureTopics(KafkaTopics.all(topics.stream().map(TopicDefinition::id).toList()));
        }
    }

    /** The ingest stage over {@code feeds}, with the settings of {@code run}'s or {@code ingest}'s options. */
    static IngestService ingest(KafkaSettings kafka, List<FeedSource> feeds, SourceOptions options, MeterRegistry meters) {
        return ingest(kafka, feeds, options.fetch(), options.politeness(), options.ingest(), meters);
    }

    /** The ingest stage over {@code feeds}, with the settings of its fetcher, its politeness and its polls. */
    public static IngestService ingest(KafkaSettings kafka, List<FeedSource> feeds, FetchSettings fetch,
                                       PolitenessSettings politeness, IngestSettings settings, MeterRegistry meters) {
        Ingester ingester = new Ingester(new HttpFetcher(fetch), politeness, settings, Clock.systemUTC(), meters);
        return new IngestService(kafka, ingester, feeds, Clock.systemUTC());
    }

    /** The enrich stage; {@code recordBudget} is the longest one page may take. */
    public static EnrichService enrich(KafkaSettings kafka, TopicTagger tagger, Duration duplicateWindow,
                                       Duration recordBudget, MeterRegistry meters) {
        Duplicates duplicates = new Duplicates(duplicateWindow);
        Enricher enricher = new Enricher(new TextExtractor(), new MetadataExtractor(), tagger, duplicates);
        return new EnrichService(kafka, enricher, duplicates, Clock.systemUTC(), meters, recordBudget);
    }

    /** Opens the database, whose writes get {@code recordBudget} each (see {@link StoreOptions#writeTimeout()}). */
    public static ArticleStore openStore(String jdbcUrl, Duration recordBudget) {
        return ArticleStore.open(jdbcUrl, StoreOptions.DEFAULTS.withWriteTimeout(recordBudget));
    }

    /**
     * {@link #openStore}, waiting while the database cannot be reached, as a running store waits through an
     * outage: the same backoff (1 s doubling up to 30 s) and one warning per try. {@code unreachable} gets
     * each failure's message ({@code /health} shows it). Any other failure (a wrong password, a bad
     * migration) ends the wait at once.
     *
     * @throws InterruptedException when the thread is interrupted (stopped) while it waits
     */
    static ArticleStore openStoreWaiting(String jdbcUrl, Duration recordBudget, Consumer<String> unreachable)
            throws InterruptedException {
        Duration backoff = PollLoop.FIRST_BACKOFF;
        while (true) {
            try {
                return openStore(jdbcUrl, recordBudget);
            } catch (StoreUnavailableException e) {
                unreachable.accept(e.getMessage());
                LoggerFactory.getLogger(Stages.class).warn("store: the database is unreachable ({}); it is tried"
                        + " again in {} s", e.getMessage(), backoff.toSeconds());
                Thread.sleep(backoff);
                backoff = PollLoop.nextBackoff(backoff);
            }
        }
    }

    public static StoreService store(KafkaSettings kafka, ArticleStore store, MeterRegistry meters) {
        return new StoreService(kafka, store, Clock.systemUTC(), meters);
    }

    /** Starts {@code task} on a platform thread named after the stage; its death is logged, never silent. */
    static Thread start(String name, Runnable task) {
        Thread thread = new Thread(task, "newsmon-" + name);
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) ->
                LoggerFactory.getLogger(Stages.class).error("newsmon: the {} stage stopped: {}", name, e, e));
        thread.start();
        return thread;
    }
}
