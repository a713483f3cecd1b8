package io.newsmon.app.pipeline;

import io.newsmon.app.broker.RunningBroker;
import io.newsmon.app.cli.DataDirOption;
import io.newsmon.app.cli.Durations;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.app.cli.StopOnSignal;
import io.newsmon.broker.EmbeddedKafkaBroker;
import io.newsmon.enrich.kafka.EnrichService;
import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicTagger;
import io.newsmon.ingest.IngestReport;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.store.kafka.StoreService;
import io.newsmon.store.jdbc.ArticleStore;
import io.newsmon.store.jdbc.JdbcUrls;
import java.nio.file.Path;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsmon.app.ops.BrokerWatch;
import io.newsmon.app.ops.StageMetrics;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.app.ops.StatusServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code newsmon run}: the three stages in one JVM. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {
            "Runs ingest, enrich and store in one JVM.",
            "",
            "Without --bootstrap-servers it starts an embedded Kafka broker with its data under --data-dir; "
                    + "without --store it writes to an SQLite file under --data-dir.",
            "",
            "With --once it polls every feed once (fetching until --once-deadline at most), waits until every "
                    + "fetched article is stored, prints a summary and exits; otherwise it polls each feed when it is due until stopped (Ctrl-C).",
            "",
            "Feed states and published ids are kept in Kafka, so a restart goes on where it stopped and publishes "
                    + "nothing twice; `newsmon feeds status` shows each feed's health."})
public final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    @Spec
    CommandSpec spec;
    @Mixin
    SourceOptions sources;
    @Mixin
    TopicOptions topicOptions;
    @Mixin
    MetricsOptions metrics;
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    InstanceOptions instance;
    @Mixin
    DataDirOption data;
    @Mixin
    ConfigOptions config;

    @Option(names = "--store", paramLabel = "JDBC_URL")
    String store;

    @Option(names = "--once", description = "Poll every feed once, wait until every fetched article is stored, print a summary and exit.")
    boolean once;

    @Option(names = "--drain-timeout", paramLabel = "DURATION")
    Duration drainTimeout;

    @Option(names = "--once-deadline", paramLabel = "DURATION")
    Duration onceDeadline;

    @Option(names = "--record-budget", paramLabel = "DURATION")
    Duration recordBudget;

    @Override
    @SuppressWarnings("try") // RunningBroker, the status server and the broker watch are never used in the block: they only have to be closed.
    public Integer call() throws Exception {
        List<FeedSource> feeds = sources.loadFeeds();
        List<TopicDefinition> topics = topicOptions.loadTopics();
        Duration duplicateWindow = topicOptions.duplicateWindow();
        Path dataDir = data.dataDir();
        String bootstrapServers = kafkaOptions.bootstrapServers();
        String jdbcUrl = store != null ? store : "jdbc:sqlite:" + dataDir.resolve("newsmon.db");
        try (StopOnSignal stop = once ? null : StopOnSignal.install();
             TopicTagger tagger = new TopicTagger(topics);
             ArticleStore articles = Stages.openStore(jdbcUrl, recordBudget);
             EmbeddedKafkaBroker broker = bootstrapServers == null ? startBroker(dataDir) : null;
             RunningBroker address = broker == null ? null : RunningBroker.publish(dataDir, broker.bootstrapServers())) {
            KafkaSettings kafka = instance.apply(new KafkaSettings(broker != null ? broker.bootstrapServers()
                    : bootstrapServers, "newsmon"));
            Stages.createTopics(kafka, topics);
            PrometheusMeterRegistry registry = StatusServer.registry();
            try (StoreService storeService = Stages.store(kafka, articles, registry);
                 EnrichService enrichService = Stages.enrich(kafka, tagger, duplicateWindow, recordBudget, registry);
                 IngestService ingestService = Stages.ingest(kafka, feeds, sources, registry);
                 StatusServer status = metrics.start(registry, Map.of("broker", StageMetrics.broker(kafka),
                         "database", StageMetrics.database(articles, jdbcUrl), "feeds", StageMetrics.feeds(ingestService)));
                 BrokerWatch watch = broker != null ? null : BrokerWatch.start("run", StageMetrics.broker(kafka))) {
                List<Thread> stages = List.of(Stages.start("store", storeService::run),
                        Stages.start("enrich", enrichService::run));
                if (!once) {
                    LOG.info("newsmon: watching {} feeds every {} to {}, storing to {}; Ctrl-C stops", feeds.size(),
                            Durations.human(sources.minPollInterval), Durations.human(sources.maxPollInterval),
                            JdbcUrls.mask(jdbcUrl));
                    stop.stopWith(ingestService::stop);
                    ingestService.runForever();
                    return 0;
                }
                IngestReport report = ingestService.pollOnce(onceDeadline);
                boolean drained = new Drain(kafka, drainTimeout, stages).await();
                new Summary(report, enrichService.duplicates(), storeService.inserted(), storeService.unchanged(),
                        enrichService.rejected() + storeService.rejected(), drained)
                        .print(spec.commandLine().getOut());
                return drained ? 0 : 1;
            }
        }
    }

    private static EmbeddedKafkaBroker startBroker(Path dataDir) {
        Path kafkaDir = RunningBroker.kafkaDir(dataDir);
        LOG.info("newsmon: starting an embedded Kafka broker with its data in {}", kafkaDir);
        return EmbeddedKafkaBroker.start(kafkaDir, 0);
    }
}
