package io.newsmon.app.pipeline;

import io.newsmon.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/** The {@code --instance-id} option of the commands that run a consuming stage (see {@link KafkaSettings}). */
final class InstanceOptions {
    @Option(names = "--instance-id", paramLabel = "NAME")
    String instanceId;

    /** {@code kafka} for this process's instance id, the host name unless one was given. */
    KafkaSettings apply(KafkaSettings kafka) {
        return kafka.withInstanceId(instanceId);
    }
}
