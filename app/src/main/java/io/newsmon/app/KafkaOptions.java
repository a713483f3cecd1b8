package io.newsmon.app;

import picocli.CommandLine.Option;

/** The broker option shared by the stage commands. */
final class KafkaOptions {
    @Option(names = "--bootstrap-servers", required = true, paramLabel = "HOSTS",
            description = "Kafka brokers as host:port[,host:port...], for example 127.0.0.1:9092.")
    String bootstrapServers;
}
