package io.newsmon.enrich.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The meters of the enrich stage, counting delivered batches only (so they never go back). Names are
 * Micrometer's; Prometheus shows them as in brackets. The stage's runner adds {@code newsmon.enrich.dead.letters}
 * and {@code newsmon.consumer.lag} (tag {@code stage=enrich}).
 * <ul>
 *   <li>{@value #ARTICLES} ({@code newsmon_enrich_articles_total}): articles published to {@code news.enriched};</li>
 *   <li>{@value #DUPLICATES} ({@code newsmon_enrich_duplicates_total}): duplicates published to
 *       {@code news.duplicates};</li>
 *   <li>{@value #TAGGED} ({@code newsmon_enrich_tagged_total}), tag {@code topic}: articles published to
 *       {@code news.topic.<id>}, registered as each news topic is first used.</li>
 * </ul>
 */
final class EnrichMetrics {
    /** Articles published to news.enriched. */
    static final String ARTICLES = "newsmon.enrich.articles";
    /** Duplicates published to news.duplicates. */
    static final String DUPLICATES = "newsmon.enrich.duplicates";
    /** Articles published to news.topic.&lt;id&gt;, by news topic. */
    static final String TAGGED = "newsmon.enrich.tagged";

    private final MeterRegistry registry;
    private final Counter articles;
    private final Counter duplicates;
    private final Map<String, Counter> tagged = new ConcurrentHashMap<>();

    EnrichMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.articles = Counter.builder(ARTICLES).description("articles published to news.enriched").register(registry);
        this.duplicates = Counter.builder(DUPLICATES).description("duplicates published to news.duplicates")
                .register(registry);
    }

    /** Counts a delivered batch: its fresh articles, its duplicates and its articles per news topic. */
    void delivered(int fresh, int duplicateCount, Map<String, Integer> perTopic) {
        articles.increment(fresh);
        duplicates.increment(duplicateCount);
        perTopic.forEach((topic, count) -> tagged(topic).increment(count));
    }

    private Counter tagged(String topic) {
        return tagged.computeIfAbsent(topic, id -> Counter.builder(TAGGED).tag("topic", id)
                .description("articles published to news.topic.<id>").register(registry));
    }

    long articles() {
        return (long) articles.count();
    }

    long duplicates() {
        return (long) duplicates.count();
    }

    long taggedCount(String topic) {
        Counter counter = tagged.get(topic);
        return counter == null ? 0 : (long) counter.count();
    }
}
