package io.newsmon.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.app.ops.StageMetrics;
import io.newsmon.app.ops.StatusServer;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.store.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon store}: the store stage alone. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Consumes news.enriched and news.duplicates and writes the articles to the database until stopped.")
final class StoreCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    MetricsOptions metrics;
    @Mixin
    ConfigOptions config;

    @Option(names = "--store", paramLabel = "JDBC_URL")
    String store;

    @Option(names = "--record-budget", paramLabel = "DURATION")
    Duration recordBudget;

    @Override
    @SuppressWarnings("try") // StopOnSignal is never used in the block: it only has to be closed last.
    public Integer call() {
        KafkaSettings kafka = new KafkaSettings(kafkaOptions.bootstrapServers, "newsmon-store");
        try (StopOnSignal stop = StopOnSignal.install(); ArticleStore articles = Stages.openStore(store, recordBudget)) {
            Stages.createTopics(kafka, List.of());
            PrometheusMeterRegistry registry = StatusServer.registry();
            try (StoreService service = Stages.store(kafka, articles, registry);
                 StatusServer status = metrics.start(registry, Map.of("broker", StageMetrics.broker(kafka),
                         "database", StageMetrics.database(articles, store)))) {
                StageMetrics.store(registry, service);
                service.run();
            }
        }
        return 0;
    }
}
