package io.newsmon.app;

import io.newsmon.broker.EmbeddedKafkaBroker;
import io.newsmon.ingest.IngestService;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaUnavailableException;
import io.newsmon.model.FeedState;
import io.newsmon.model.Json;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsmon feeds status}: each feed's health, from the feed states ingest keeps in Kafka. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Shows each feed's health.",
            "",
            "For each feed: last success, last error and its message, failures in a row, next poll, interval and "
                    + "articles published. Exits 0 when every polled feed is healthy, 1 when some are failing.",
            "",
            "Without --bootstrap-servers it reads the embedded broker of `newsmon run` under --data-dir: the "
                    + "running one when there is one, else it starts it for a moment."})
final class FeedsStatusCommand implements Callable<Integer> {
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;
    @Mixin
    FeedsFileOption feedsFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS", description = "Kafka brokers of a running pipeline.")
    String bootstrapServers;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "newsmon-data",
            description = "The --data-dir of `newsmon run` (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--json", description = "Print one JSON object per feed instead of text.")
    boolean json;

    @Override
    public Integer call() {
        List<FeedSource> feeds = feedsFile.load();
        Map<String, FeedState> states = readStates();
        PrintWriter out = spec.commandLine().getOut();
        FeedStatusReport report = new FeedStatusReport(feeds, states, Clock.systemUTC().instant());
        if (json) {
            report.rows().forEach(row -> out.println(Json.writeString(row)));
        } else {
            report.print(out);
        }
        out.flush();
        return report.failing() > 0 ? 1 : 0;
    }

    private Map<String, FeedState> readStates() {
        if (bootstrapServers != null) {
            return IngestService.feedStates(new KafkaSettings(bootstrapServers, "newsmon-status"), READ_TIMEOUT);
        }
        String running = RunningBroker.address(dataDir);
        if (running != null) {
            try {
                return IngestService.feedStates(new KafkaSettings(running, "newsmon-status"), Duration.ofSeconds(15));
            } catch (KafkaUnavailableException e) {
                // The run that wrote the address is gone: read its data with a broker of our own.
            }
        }
        Path kafkaDir = RunningBroker.kafkaDir(dataDir);
        if (!Files.isDirectory(kafkaDir)) {
            throw new IllegalArgumentException("no feed states: " + kafkaDir + " does not exist. Run `newsmon run` first,"
                    + " give its --data-dir, or give --bootstrap-servers of a running pipeline");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0)) {
            return IngestService.feedStates(new KafkaSettings(broker.bootstrapServers(), "newsmon-status"), READ_TIMEOUT);
        }
    }
}
