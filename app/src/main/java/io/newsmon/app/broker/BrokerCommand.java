package io.newsmon.app.broker;

import io.newsmon.app.cli.DataDirOption;
import io.newsmon.app.cli.StopOnSignal;
import io.newsmon.broker.EmbeddedKafkaBroker;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import io.newsmon.app.config.ConfigOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code newsmon broker}: the embedded single-node KRaft broker as a process of its own. */
@Command(name = "broker", mixinStandardHelpOptions = true,
        description = {"Runs the embedded single-node Kafka broker (KRaft) as a process of its own, until Ctrl-C or"
                + " SIGTERM, so that ingest, enrich and store can run as separate processes against it"
                + " (--bootstrap-servers 127.0.0.1:PORT). Its data lives under --data-dir, in the same place as"
                + " the broker of `newsmon run`, and survives a restart. While it runs, `feeds status` and `dlq`"
                + " find it under --data-dir.",
            "Exits 0 when stopped, 1 when the broker cannot start (port taken, data folder unusable)."})
public final class BrokerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    DataDirOption data;
    @Mixin
    ConfigOptions config;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "9092",
            description = "Client port on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Override
    @SuppressWarnings("try") // StopOnSignal and RunningBroker are never used in the block: they only have to be closed.
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65_535) {
            err.println("newsmon broker: --port " + port + " is not a port: give 1 to 65535, or 0 for a free one");
            err.flush();
            return 2;
        }
        Path dataDir = data.dataDir();
        Path kafkaDir = RunningBroker.kafkaDir(dataDir);
        try (StopOnSignal stop = StopOnSignal.install()) {
            EmbeddedKafkaBroker broker;
            try {
                broker = EmbeddedKafkaBroker.start(kafkaDir, port);
            } catch (RuntimeException e) {
                err.println("newsmon broker: could not start the broker on 127.0.0.1:" + port + " with data in "
                        + kafkaDir + ": " + e.getMessage() + " (is the port taken? give another --port, or 0)");
                err.flush();
                return 1;
            }
            try (broker; RunningBroker address = RunningBroker.publish(dataDir, broker.bootstrapServers())) {
                out.println("newsmon broker: listening on " + broker.bootstrapServers() + ", data in " + kafkaDir
                        + "; stop with Ctrl-C or SIGTERM");
                out.flush();
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                out.println("newsmon broker: stopped");
                out.flush();
            }
        }
        return 0;
    }
}
