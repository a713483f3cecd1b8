package io.newsmon.app.pipeline;

import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.kafka.KafkaSettings;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.app.cli.StopOnSignal;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.app.ops.BrokerWatch;
import io.newsmon.app.ops.StageMetrics;
import io.newsmon.app.ops.StatusServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsmon enrich}: the enrich stage alone. */
@Command(name = "enrich", mixinStandardHelpOptions = true,
        description = "Consumes news.raw and publishes enriched, tagged articles until stopped.")
public final class EnrichCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    InstanceOptions instance;
    @Mixin
    TopicOptions topicOptions;
    @Mixin
    MetricsOptions metrics;
    @Mixin
    ConfigOptions config;

    @Option(names = "--record-budget", paramLabel = "DURATION")
    Duration recordBudget;

    @Override
    @SuppressWarnings("try") // the status server and the broker watch are never used in the block: they only have to be closed.
    public Integer call() {
        var topics = topicOptions.loadTopics();
        Duration duplicateWindow = topicOptions.duplicateWindow();
        KafkaSettings kafka = instance.apply(new KafkaSettings(kafkaOptions.bootstrapServers(), "newsmon-enrich"));
        try (StopOnSignal stop = StopOnSignal.install(); TopicTagger tagger = new TopicTagger(topics)) {
            Stages.createTopics(kafka, topics);
            PrometheusMeterRegistry registry = StatusServer.registry();
            try (EnrichService service = Stages.enrich(kafka, tagger, duplicateWindow, recordBudget, registry);
                 StatusServer status = metrics.start(registry, Map.of("broker", StageMetrics.broker(kafka)));
                 BrokerWatch watch = BrokerWatch.start("enrich", StageMetrics.broker(kafka))) {
                stop.stopWith(service::stop);
                service.run();
            }
        }
        return 0;
    }
}
