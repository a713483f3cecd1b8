package io.newsmon.app.feeds;

import io.newsmon.app.broker.PipelineBroker;
import io.newsmon.app.cli.DataDirOption;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.app.config.ConfigOptions;
import io.newsmon.ingest.kafka.IngestService;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.model.FeedState;
import java.io.PrintWriter;
import java.time.Clock;
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
    @Spec
    CommandSpec spec;
    @Mixin
    FeedsFileOption feedsFile;

    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    DataDirOption data;
    @Mixin
    ConfigOptions config;

    @Option(names = "--json", description = "Print one JSON object per feed instead of text.")
    boolean json;

    @Override
    public Integer call() {
        List<FeedSource> feeds = feedsFile.load();
        Map<String, FeedState> states = readStates();
        PrintWriter out = spec.commandLine().getOut();
        FeedStatusReport report = new FeedStatusReport(feeds, states, Clock.systemUTC().instant());
        if (json) {
            report.printJson(out);
        } else {
            report.print(out);
        }
        out.flush();
        return report.failing() > 0 ? 1 : 0;
    }

    private Map<String, FeedState> readStates() {
        return PipelineBroker.with(kafkaOptions.bootstrapServers(), data.dataDir(), "newsmon-status", "feed states",
                IngestService::feedStates);
    }
}
