package io.newsmon.enrich.kafka;

import io.newsmon.enrich.Analysis;
import io.newsmon.enrich.EnrichResult;
import io.newsmon.enrich.Enricher;
import io.newsmon.enrich.dedup.Duplicates;
import io.newsmon.enrich.dedup.Fingerprint;
import io.newsmon.enrich.dedup.Fingerprinter;
import io.newsmon.kafka.Incoming;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaStage;
import io.newsmon.kafka.OversizedRecordException;
import io.newsmon.kafka.RecordBudget;
import io.newsmon.kafka.StageHandler;
import io.newsmon.kafka.StageOutput;
import io.newsmon.kafka.KafkaTopic;
import io.newsmon.kafka.KafkaTopicFollower;
import io.newsmon.kafka.KafkaTopics;
import io.newsmon.kafka.TypedStage;
import io.newsmon.model.ArticleFingerprint;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.RawPage;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.LongStream;

/**
 * The enrich stage on Kafka: consumes {@value KafkaTopics#RAW}, runs the {@link Enricher} and publishes each
 * fresh article to {@value KafkaTopics#ENRICHED} and to {@code news.topic.<id>} for each of its tags, each
 * duplicate to {@value KafkaTopics#DUPLICATES}, and each page it cannot read or enrich to {@value KafkaTopics#DLQ}.
 * Each batch is one Kafka transaction with its input offsets ({@link KafkaStage.Delivery#EXACTLY_ONCE}),
 * so a {@code read_committed} consumer sees each page's enriched, topic, duplicate and dead-letter records
 * exactly once, whatever crashes or retries happened.
 *
 * <p><b>Shared duplicate memory.</b> The fingerprint of each original is written to the compacted topic
 * {@value KafkaTopics#FINGERPRINTS} in the same transaction. Every instance reads that
 * whole topic before it consumes a page, so a restart forgets nothing, and goes on following it, so
 * instances in one consumer group learn each other's originals. Two near duplicates enriched by two
 * instances at nearly the same time can both become originals: each checks before the other's
 * fingerprint arrives. That window is bounded by one batch's processing time plus the follower's poll
 * interval (200 ms); outside it the second is always linked to the first.
 *
 * <p><b>Processing budget.</b> Each page is analysed ({@link Enricher#analyse}: parsed, extracted,
 * tagged) on a worker thread within the stage's record budget ({@link KafkaStage#budget()}, 30 s unless
 * set); a page that takes longer, or on which the analysis throws (a {@link StackOverflowError}
 * included), is dead-lettered with the reason and the stage goes on with the next one. The duplicate
 * memory is asked and the results are published on the stage's own thread. An article too large for a
 * record is dead-lettered too, before anything of it is sent.
 *
 * <p><b>Meters.</b> {@link EnrichMetrics} counts the articles, duplicates and articles per news topic of
 * delivered batches; the runner ({@link TypedStage}) adds the dead letters and {@code newsmon.consumer.lag}
 * (tag {@code stage=enrich}), the records of {@value KafkaTopics#RAW} this instance has yet to read.
 */
public final class EnrichService implements AutoCloseable {
    /** The consumer group of the enrich stage. */
    public static final String GROUP = "newsmon-enrich";
    /** How long reading the remembered originals at start may take. */
    static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    private final Enricher enricher;
    private final Function<RawPage, Analysis> analyser;
    private final TypedStage<RawPage, Batch> stage;
    private final EnrichMetrics metrics;
    private final KafkaTopicFollower fingerprints;

    /**
     * @param enricher   the enricher, whose duplicate memory is {@code duplicates}
     * @param duplicates the duplicate memory, which learns the originals in {@value KafkaTopics#FINGERPRINTS}
     * @param meters     where the stage's meters are registered
     */
    public EnrichService(KafkaSettings settings, Enricher enricher, Duplicates duplicates, Clock clock,
                         MeterRegistry meters) {
        this(settings, enricher, duplicates, clock, meters, KafkaStage.DEFAULT_RECORD_BUDGET);
    }

    /**
     * @param recordBudget the longest enriching one page may take; a page that takes longer, or on which
     *                     the enricher fails, is dead-lettered with the reason
     */
    public EnrichService(KafkaSettings settings, Enricher enricher, Duplicates duplicates, Clock clock,
                         MeterRegistry meters, Duration recordBudget) {
        this(settings, enricher, enricher::analyse, duplicates, clock, meters, recordBudget);
    }

    /** Test seam: {@code analyser} stands for {@link Enricher#analyse}, for pages of any cost. */
    EnrichService(KafkaSettings settings, Enricher enricher, Function<RawPage, Analysis> analyser,
                  Duplicates duplicates, Clock clock, MeterRegistry meters, Duration recordBudget) {
        this.enricher = enricher;
        this.analyser = analyser;
        this.metrics = new EnrichMetrics(meters);
        this.fingerprints = new KafkaTopicFollower(settings, KafkaTopics.FINGERPRINTS, (id, value) -> learn(duplicates, value));
        this.stage = new TypedStage<>("enrich", settings, GROUP, List.of(KafkaTopics.RAW_PAGES), clock,
                KafkaStage.Delivery.EXACTLY_ONCE, recordBudget, meters, new Enriching());
    }

    /**
     * Reads the originals already in {@value KafkaTopics#FINGERPRINTS}, then consumes until {@link #close()};
     * run it on a thread of its own.
     */
    public void run() {
        fingerprints.start().awaitCaughtUp(LOAD_TIMEOUT);
        stage.run();
    }

    private static void learn(Duplicates duplicates, byte[] value) {
        if (value == null) {
            return;
        }
        ArticleFingerprint remembered = KafkaTopics.ARTICLE_FINGERPRINTS.decode(value);
        if (!Fingerprinter.SCHEME.equals(remembered.scheme())) {
            return;
        }
        long[] bands = remembered.bands().stream().mapToLong(Long::longValue).toArray();
        duplicates.learn(remembered.id(), new Fingerprint(bands, remembered.sketchHigh(), remembered.sketchLow(),
                remembered.shingles()), remembered.seenAt());
    }

    /** What one batch did: the originals it published, its duplicates and its tag counts. */
    private static final class Batch {
        final List<EnrichResult.Fresh> fresh = new ArrayList<>();
        int duplicates;
        final Map<String, Integer> tagged = new HashMap<>();
    }

    private final class Enriching implements StageHandler<RawPage, Batch> {
        @Override
        public Batch newBatch() {
            return new Batch();
        }

        @Override
        public void handle(Iterable<Incoming<RawPage>> pages, Batch batch, StageOutput output)
                throws InterruptedException {
            for (Incoming<RawPage> page : pages) {
                enrich(page, batch, output);
            }
        }

        /** The batch's transaction committed: it counts now, so the counters only ever grow. */
        @Override
        public void delivered(Batch batch) {
            metrics.delivered(batch.fresh.size(), batch.duplicates, batch.tagged);
        }

        /** The batch was not delivered and comes again: its originals must not be remembered then. */
        @Override
        public void aborted(Batch batch) {
            batch.fresh.forEach(enricher::forget);
        }
    }

    private void enrich(Incoming<RawPage> message, Batch batch, StageOutput output) throws InterruptedException {
        RawPage page = message.value();
        switch (output.budget().run(() -> analyser.apply(page))) {
            case RecordBudget.Outcome.Done<Analysis> done -> publish(message, enricher.decide(done.value()), batch, output);
            case RecordBudget.Outcome.Failed<Analysis> failed -> output.deadLetter(message,
                    "enrich failed on page " + page.url() + " (id " + page.id() + "): " + failed.error());
            case RecordBudget.Outcome.OverBudget<Analysis> over -> output.deadLetter(message,
                    "enrich gave up page " + page.url() + " (id " + page.id() + "): it took longer than the record"
                            + " budget of " + over.budget().toSeconds() + " s (setting record-budget)");
        }
    }

    private void publish(Incoming<RawPage> message, EnrichResult result, Batch batch, StageOutput output) {
        try {
            switch (result) {
                case EnrichResult.Fresh fresh -> publish(fresh, batch, output);
                case EnrichResult.Duplicate duplicate -> {
                    output.send(KafkaTopics.DUPLICATE_ARTICLES, duplicate.id(), duplicate.article());
                    batch.duplicates++;
                }
                case EnrichResult.AlreadySeen seen -> { }
                case EnrichResult.Rejected rejection -> output.deadLetter(message, rejection.reason());
            }
        } catch (OversizedRecordException e) {
            if (result instanceof EnrichResult.Fresh fresh) {
                enricher.forget(fresh);
            }
            output.deadLetter(message, "enrich cannot publish page " + message.key() + ": " + e.getMessage());
        }
    }

    private void publish(EnrichResult.Fresh fresh, Batch batch, StageOutput output) {
        EnrichedArticle article = fresh.article();
        List<KafkaTopic<EnrichedArticle>> topics = new ArrayList<>(List.of(KafkaTopics.ENRICHED_ARTICLES));
        article.topics().forEach(tag -> topics.add(KafkaTopics.tagged(tag.id())));
        output.sendToAll(topics, article.id(), article);
        Fingerprint fingerprint = fresh.fingerprint();
        if (fingerprint != null) {
            output.sendAfterDelivery(KafkaTopics.ARTICLE_FINGERPRINTS, article.id(), new ArticleFingerprint(
                    ArticleFingerprint.SCHEMA_VERSION, Fingerprinter.SCHEME, article.id(), article.fetchedAt(),
                    LongStream.of(fingerprint.bands()).boxed().toList(), fingerprint.sketchHigh(),
                    fingerprint.sketchLow(), fingerprint.shingles()));
        }
        batch.fresh.add(fresh);
        article.topics().forEach(tag -> batch.tagged.merge(tag.id(), 1, Integer::sum));
    }

    /** Articles published to {@value KafkaTopics#ENRICHED} since start ({@value EnrichMetrics#ARTICLES}). */
    public long enriched() {
        return metrics.articles();
    }

    /** Articles published to {@code news.topic.<topic>} since start ({@value EnrichMetrics#TAGGED}). */
    public long tagged(String topic) {
        return metrics.taggedCount(topic);
    }

    /** Duplicates published to {@value KafkaTopics#DUPLICATES} since start ({@value EnrichMetrics#DUPLICATES}). */
    public long duplicates() {
        return metrics.duplicates();
    }

    /** Records sent to {@value KafkaTopics#DLQ} since start. */
    public long rejected() {
        return stage.deadLettered();
    }

    /**
     * Asks the stage to stop and returns at once: {@link #run()} returns once the page in hand is done and
     * the pages done so far are committed (the others go to the next instance).
     */
    public void stop() {
        stage.stop();
    }

    @Override
    public void close() {
        stage.close();
        fingerprints.close();
    }
}
