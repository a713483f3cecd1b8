package io.newsmon.app.ops;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.ingest.FeedHealth;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.SilentFeed;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.store.kafka.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.JdbcUrls;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** The meters and health checks of the stages, read from the services' own counters. */
public final class StageMetrics {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private StageMetrics() {
    }

    /** {@code newsmon_enrich_articles_total}, {@code _duplicates_total} and {@code _dead_letters_total}. */
    public static void enrich(MeterRegistry registry, EnrichService enrich) {
        counter(registry, "newsmon.enrich.articles", "articles published to news.enriched", enrich, EnrichService::enriched);
        counter(registry, "newsmon.enrich.duplicates", "duplicates published to news.duplicates", enrich,
                EnrichService::duplicates);
        counter(registry, "newsmon.enrich.dead.letters", "records enrich sent to news.dlq", enrich, EnrichService::rejected);
    }

    /** {@code newsmon_store_rows_total}, {@code _unchanged_total} and {@code _dead_letters_total}. */
    public static void store(MeterRegistry registry, StoreService store) {
        counter(registry, "newsmon.store.rows", "rows inserted", store, StoreService::inserted);
        counter(registry, "newsmon.store.unchanged", "articles received that were already stored", store,
                StoreService::unchanged);
        counter(registry, "newsmon.store.dead.letters", "records store sent to news.dlq", store, StoreService::rejected);
    }

    /** {@code newsmon_ingest_polls_total}, {@code _polls_failed_total}, {@code _not_modified_total}, {@code _pages_total}, {@code _pages_failed_total}. */
    public static void ingest(MeterRegistry registry, IngestService ingest) {
        counter(registry, "newsmon.ingest.polls", "feed polls", ingest, IngestService::polls);
        counter(registry, "newsmon.ingest.polls.failed", "feed polls that gave no entries", ingest,
                IngestService::pollsFailed);
        counter(registry, "newsmon.ingest.not.modified", "feed polls answered 304 Not Modified", ingest,
                IngestService::notModified);
        counter(registry, "newsmon.ingest.pages", "article pages published to news.raw", ingest,
                IngestService::pagesPublished);
        counter(registry, "newsmon.ingest.pages.failed", "article pages not fetched or not published", ingest,
                IngestService::pagesFailed);
    }

    private static <T> void counter(MeterRegistry registry, String name, String description, T service,
                                    ToDoubleFunction<T> value) {
        FunctionCounter.builder(name, service, value).description(description).register(registry);
    }

    /** Up when the broker answers a cluster description within 3 s. */
    public static HealthCheck broker(KafkaSettings kafka) {
        return () -> {
            Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) CHECK_TIMEOUT.toMillis());
            try (Admin admin = Admin.create(config)) {
                int nodes = admin.describeCluster().nodes().get(CHECK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
                return HealthCheck.Health.up(kafka.bootstrapServers() + ", " + nodes + " node" + (nodes == 1 ? "" : "s"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return HealthCheck.Health.down(kafka.bootstrapServers() + ": check interrupted");
            } catch (Exception e) {
                return HealthCheck.Health.down(kafka.bootstrapServers() + ": no answer within "
                        + CHECK_TIMEOUT.toSeconds() + " s (" + e.getClass().getSimpleName() + ")");
            }
        };
    }

    /** Always up (a silent feed is the feed's failure, not the stage's); names the feeds that have gone silent. */
    public static HealthCheck feeds(IngestService ingest) {
        return () -> {
            FeedHealth health = ingest.feedHealth();
            int feeds = health.feeds();
            String counted = feeds + " feed" + (feeds == 1 ? "" : "s") + ", ";
            if (health.silent().isEmpty()) {
                return HealthCheck.Health.up(counted + "none silent");
            }
            return HealthCheck.Health.up(counted + health.silent().size() + " silent: " + String.join(", ",
                    health.silent().stream().map(SilentFeed::describe).toList()));
        };
    }

    /** Up when the database answers {@code SELECT 1}. */
    public static HealthCheck database(ArticleStore store, String jdbcUrl) {
        return () -> {
            try {
                store.ping();
                return HealthCheck.Health.up(JdbcUrls.mask(jdbcUrl));
            } catch (RuntimeException e) {
                return HealthCheck.Health.down(JdbcUrls.mask(jdbcUrl) + ": " + e.getMessage());
            }
        };
    }
}
