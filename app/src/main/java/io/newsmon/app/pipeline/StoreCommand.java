package io.newsmon.app.pipeline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.app.cli.StopOnSignal;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.app.ops.BrokerWatch;
import io.newsmon.app.ops.HealthCheck;
import io.newsmon.app.ops.StageMetrics;
import io.newsmon.app.ops.StatusServer;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.store.kafka.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.JdbcUrls;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code newsmon store}: the store stage alone. It waits for an unreachable database at start-up as it does
 * while running (its {@code /health} says DOWN meanwhile), so that it needs no restart policy to come back.
 */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Consumes news.enriched and news.duplicates and writes the articles to the database until stopped.")
public final class StoreCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    InstanceOptions instance;
    @Mixin
    MetricsOptions metrics;
    @Mixin
    ConfigOptions config;

    @Option(names = "--store", paramLabel = "JDBC_URL")
    String store;

    @Option(names = "--record-budget", paramLabel = "DURATION")
    Duration recordBudget;

    @Override
    @SuppressWarnings("try") // the status server and the broker watch are never used in the block: they only have to be closed.
    public Integer call() {
        KafkaSettings kafka = instance.apply(new KafkaSettings(kafkaOptions.bootstrapServers(), "newsmon-store"));
        AtomicReference<HealthCheck> database = new AtomicReference<>(
                () -> HealthCheck.Health.down(JdbcUrls.mask(store) + ": not connected yet"));
        try (StopOnSignal stop = StopOnSignal.install()) {
            Stages.createTopics(kafka, List.of());
            PrometheusMeterRegistry registry = StatusServer.registry();
            try (StatusServer status = metrics.start(registry, Map.of("broker", StageMetrics.broker(kafka),
                    "database", () -> database.get().check()));
                 BrokerWatch watch = BrokerWatch.start("store", StageMetrics.broker(kafka));
                 ArticleStore articles = Stages.openStoreWaiting(store, recordBudget, error -> database.set(
                         () -> HealthCheck.Health.down(error)));
                 StoreService service = Stages.store(kafka, articles, registry)) {
                database.set(StageMetrics.database(articles, store));
                stop.stopWith(service::stop);
                service.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped while waiting for the database: nothing to finish
            }
        }
        return 0;
    }
}
