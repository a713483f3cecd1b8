package io.newsmon.app.pipeline;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.app.cli.StopOnSignal;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.app.ops.BrokerWatch;
import io.newsmon.app.ops.StageMetrics;
import io.newsmon.app.ops.StatusServer;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.kafka.KafkaSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon ingest}: the ingest stage alone. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Polls the feeds and publishes fetched article pages to news.raw on the given brokers.")
public final class IngestCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    InstanceOptions instance;
    @Mixin
    SourceOptions sources;
    @Mixin
    MetricsOptions metrics;
    @Mixin
    ConfigOptions config;

    @Option(names = "--once", description = "Poll every feed once and exit.")
    boolean once;

    @Option(names = "--once-deadline", paramLabel = "DURATION")
    Duration onceDeadline;

    @Override
    @SuppressWarnings("try") // the status server and the broker watch are never used in the block: they only have to be closed.
    public Integer call() {
        var feeds = sources.loadFeeds();
        KafkaSettings kafka = instance.apply(new KafkaSettings(kafkaOptions.bootstrapServers(), "newsmon-ingest"));
        Stages.createTopics(kafka, List.of());
        PrometheusMeterRegistry registry = StatusServer.registry();
        try (StopOnSignal stop = once ? null : StopOnSignal.install();
             IngestService service = Stages.ingest(kafka, feeds, sources, registry);
             StatusServer status = metrics.start(registry, Map.of("broker", StageMetrics.broker(kafka),
                     "feeds", StageMetrics.feeds(service)));
             BrokerWatch watch = BrokerWatch.start("ingest", StageMetrics.broker(kafka))) {
            if (once) {
                service.pollOnce(onceDeadline);
            } else {
                stop.stopWith(service::stop);
                service.runForever();
            }
        }
        return 0;
    }
}
