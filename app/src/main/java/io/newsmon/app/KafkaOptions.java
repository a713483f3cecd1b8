package io.newsmon.app;

import picocli.CommandLine.Option;

/**
 * The {@code --bootstrap-servers} option: the setting of {@link io.newsmon.app.config.Settings} that ingest,
 * enrich and store require and run, feeds status and dlq may do without.
 */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", paramLabel = "HOSTS")
    String bootstrapServers;
}
