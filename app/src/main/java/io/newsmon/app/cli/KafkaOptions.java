package io.newsmon.app.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --bootstrap-servers} option: the setting of {@link io.newsmon.app.config.Settings} that ingest,
 * enrich and store require and run, feeds status and dlq may do without.
 */
public final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS")
    String bootstrapServers;

    /** The brokers given, for example {@code 127.0.0.1:9092}, or null. */
    public String bootstrapServers() {
        return bootstrapServers;
    }
}
