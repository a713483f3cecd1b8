package io.newsmon.store.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsmon.store.jdbc.WriteResult;
import java.time.Duration;

/**
 * The meters of the store stage. Names are Micrometer's; Prometheus shows them as in brackets. The stage's
 * runner adds {@code newsmon.store.dead.letters} and {@code newsmon.consumer.lag} (tag {@code stage=store}).
 * <ul>
 *   <li>{@value #ROWS} ({@code newsmon_store_rows_total}): rows inserted;</li>
 *   <li>{@value #UNCHANGED} ({@code newsmon_store_unchanged_total}): articles received that were already
 *       stored;</li>
 *   <li>{@value #WRITE_LATENCY} ({@code newsmon_store_write_latency_seconds}), timer: each database write
 *       (a batch, or one article when a batch was rejected);</li>
 *   <li>{@value #FRESHNESS} ({@code newsmon_pipeline_freshness_seconds}), timer: for each new row, the time
 *       from the moment ingest read the article's entry in its feed to the database commit.</li>
 * </ul>
 */
public final class StoreMetrics {
    /** Rows inserted. */
    public static final String ROWS = "newsmon.store.rows";
    /** Articles received that were already stored. */
    public static final String UNCHANGED = "newsmon.store.unchanged";
    /** The timer of database writes. */
    public static final String WRITE_LATENCY = "newsmon.store.write.latency";
    /** The timer of pipeline freshness: from an entry read in its feed to its row committed. */
    public static final String FRESHNESS = "newsmon.pipeline.freshness";

    private final Counter rows;
    private final Counter unchanged;
    private final Timer writeLatency;
    private final Timer freshness;

    StoreMetrics(MeterRegistry registry) {
        this.rows = Counter.builder(ROWS).description("rows inserted").register(registry);
        this.unchanged = Counter.builder(UNCHANGED).description("articles received that were already stored")
                .register(registry);
        this.writeLatency = Timer.builder(WRITE_LATENCY).description("database writes, a batch each")
                .publishPercentileHistogram().register(registry);
        this.freshness = Timer.builder(FRESHNESS)
                .description("from an entry read in its feed to its row in the database, per new row")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1)).register(registry);
    }

    /** Counts a write's inserted and unchanged rows. */
    void written(WriteResult result) {
        rows.increment(result.inserted());
        unchanged.increment(result.unchanged());
    }

    /** Times one database write. */
    void wrote(Duration took) {
        writeLatency.record(took);
    }

    /** Records the freshness of one new row. */
    void fresh(Duration age) {
        freshness.record(age);
    }

    long rows() {
        return (long) rows.count();
    }

    long unchanged() {
        return (long) unchanged.count();
    }
}
