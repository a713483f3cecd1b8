package io.newsmon.kafka;

import io.newsmon.model.ArticleFingerprint;
import io.newsmon.model.DeadLetter;
import io.newsmon.model.EnrichedArticle;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import io.newsmon.model.SeenArticle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The topics of the pipeline and how they are created.
 *
 * <ul>
 *   <li>{@value #RAW}: fetched pages, several MB each at most, compressed;</li>
 *   <li>{@value #ENRICHED}: every enriched article that is not a duplicate;</li>
 *   <li>{@code news.topic.<id>}: the enriched articles tagged with topic {@code <id>};</li>
 *   <li>{@value #DUPLICATES}: articles found to duplicate an earlier one;</li>
 *   <li>{@value #DLQ}: records a stage could not process, with their origin;</li>
 *   <li>{@value #FINGERPRINTS}: compacted, the fingerprints of the original articles enrich has published,
 *       keyed by article id; also deleted after {@link #FINGERPRINT_RETENTION_MS} (the longest duplicate
 *       window it serves) so it does not grow for ever;</li>
 *   <li>{@value #INGEST_SEEN}: compacted, the article ids ingest has published, keyed by id;</li>
 *   <li>{@value #INGEST_FEEDS}: compacted, each feed's polling state, keyed by feed URL and partitioned
 *       by the feed's host; its partitions are what ingest instances share through their consumer
 *       group, so all feeds of one host are polled by one instance.</li>
 * </ul>
 *
 * <p>Each has a typed descriptor ({@link KafkaTopic}) that knows its message type: {@link #RAW_PAGES},
 * {@link #ENRICHED_ARTICLES}, {@link #tagged(String)}, {@link #DUPLICATE_ARTICLES}, {@link #DEAD_LETTERS},
 * {@link #ARTICLE_FINGERPRINTS}, {@link #SEEN_ARTICLES} and {@link #FEED_STATES}.
 */
public final class KafkaTopics {
    public static final String RAW = "news.raw";
    public static final String ENRICHED = "news.enriched";
    public static final String DUPLICATES = "news.duplicates";
    public static final String DLQ = "news.dlq";
    public static final String TOPIC_PREFIX = "news.topic.";
    public static final String INGEST_SEEN = "news.ingest.seen";
    public static final String FINGERPRINTS = "news.enrich.fingerprints";
    /** How long the broker keeps a fingerprint: 90 days, more than any sensible duplicate window. */
    public static final long FINGERPRINT_RETENTION_MS = 90L * 24 * 60 * 60 * 1000;
    public static final String INGEST_FEEDS = "news.ingest.feeds";

    /** {@value #RAW}: fetched pages. */
    public static final KafkaTopic<RawPage> RAW_PAGES = new KafkaTopic<>(RAW, RawPage.class);
    /** {@value #ENRICHED}: enriched articles that are not duplicates. */
    public static final KafkaTopic<EnrichedArticle> ENRICHED_ARTICLES = new KafkaTopic<>(ENRICHED, EnrichedArticle.class);
    /** {@value #DUPLICATES}: articles that duplicate an earlier one. */
    public static final KafkaTopic<EnrichedArticle> DUPLICATE_ARTICLES = new KafkaTopic<>(DUPLICATES, EnrichedArticle.class);
    /** {@value #DLQ}: the records a stage could not process. */
    public static final KafkaTopic<DeadLetter> DEAD_LETTERS = new KafkaTopic<>(DLQ, DeadLetter.class);
    /** {@value #FINGERPRINTS}: the fingerprints of published originals. */
    public static final KafkaTopic<ArticleFingerprint> ARTICLE_FINGERPRINTS =
            new KafkaTopic<>(FINGERPRINTS, ArticleFingerprint.class);
    /** {@value #INGEST_SEEN}: the article ids ingest has published. */
    public static final KafkaTopic<SeenArticle> SEEN_ARTICLES = new KafkaTopic<>(INGEST_SEEN, SeenArticle.class);
    /** {@value #INGEST_FEEDS}: each feed's polling state. */
    public static final KafkaTopic<FeedState> FEED_STATES = new KafkaTopic<>(INGEST_FEEDS, FeedState.class);

    /**
     * The partitions of {@value #INGEST_FEEDS}: the most ingest instances that can share the feeds.
     * Changing it moves hosts between partitions, so it is fixed.
     */
    public static final int INGEST_FEED_PARTITIONS = 12;

    /** The largest record {@value #RAW} accepts: 32 MiB, enough for pages of several MB. */
    public static final int MAX_RECORD_BYTES = 32 * 1024 * 1024;
    /** The largest value a stage sends: {@link #MAX_RECORD_BYTES} less 64 KiB for the key and overhead. */
    public static final int MAX_VALUE_BYTES = MAX_RECORD_BYTES - 64 * 1024;

    private static final int STAGE_PARTITIONS = 6;
    private static final int TOPIC_PARTITIONS = 3;

    private KafkaTopics() {
    }

    /** The topic of the articles tagged with {@code tagId}: {@code news.topic.<tagId>}. */
    public static String forTag(String tagId) {
        return TOPIC_PREFIX + tagId;
    }

    /** The typed topic of the articles tagged with {@code tagId}: {@code news.topic.<tagId>}. */
    public static KafkaTopic<EnrichedArticle> tagged(String tagId) {
        return new KafkaTopic<>(forTag(tagId), EnrichedArticle.class);
    }

    /** Every topic the pipeline needs, for the given topic-tag ids. */
    public static List<KafkaTopicSpec> all(Collection<String> tagIds) {
        Map<String, String> large = Map.of("max.message.bytes", String.valueOf(MAX_RECORD_BYTES),
                "compression.type", "producer");
        List<KafkaTopicSpec> specs = new ArrayList<>(List.of(
                new KafkaTopicSpec(RAW, STAGE_PARTITIONS, large),
                new KafkaTopicSpec(ENRICHED, STAGE_PARTITIONS, large),
                new KafkaTopicSpec(DUPLICATES, TOPIC_PARTITIONS, large),
                new KafkaTopicSpec(DLQ, 1, large),
                new KafkaTopicSpec(INGEST_SEEN, STAGE_PARTITIONS, Map.of("cleanup.policy", "compact")),
                new KafkaTopicSpec(FINGERPRINTS, STAGE_PARTITIONS, Map.of("cleanup.policy", "compact,delete",
                        "retention.ms", String.valueOf(FINGERPRINT_RETENTION_MS))),
                new KafkaTopicSpec(INGEST_FEEDS, INGEST_FEED_PARTITIONS, Map.of("cleanup.policy", "compact"))));
        tagIds.forEach(id -> specs.add(new KafkaTopicSpec(forTag(id), TOPIC_PARTITIONS, large)));
        return specs;
    }
}
