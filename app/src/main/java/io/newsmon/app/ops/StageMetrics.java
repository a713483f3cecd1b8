package io.newsmon.app.ops;

import io.newsmon.ingest.FeedHealth;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.SilentFeed;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.JdbcUrls;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The health checks of the stages. Their meters are the stages' own: {@code IngestMetrics},
 * {@code EnrichMetrics}, {@code StoreMetrics}, and the dead letters and lag that {@code TypedStage} registers.
 */
public final class StageMetrics {
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(3);

    private StageMetrics() {
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
