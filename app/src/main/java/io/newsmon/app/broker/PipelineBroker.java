package io.newsmon.app.broker;

import io.newsmon.broker.EmbeddedKafkaBroker;
import io.newsmon.kafka.KafkaSettings;
import io.newsmon.kafka.KafkaUnavailableException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiFunction;

/**
 * The broker of a pipeline, for commands that read or write its topics ({@code feeds status},
 * {@code dlq}): the one given with {@code --bootstrap-servers}, else the embedded broker of a running
 * {@code newsmon run} under its data folder, else that data folder's broker started for the duration of
 * the command.
 */
public final class PipelineBroker {
    private PipelineBroker() {
    }

    /**
     * Runs {@code action} against the pipeline's broker.
     *
     * @param bootstrapServers the brokers given on the command line, or null
     * @param dataDir          the {@code --data-dir} of {@code newsmon run}
     * @param clientId         the client id prefix, for example {@code newsmon-dlq}
     * @param what             what the command looks for, for the error when there is no broker: "feed states"
     * @param action           what to do, given the broker's settings and how long reading a topic may take
     *                         (shorter for the address a run left behind, which may be stale)
     * @throws IllegalArgumentException when there is no broker and no data folder, saying what to give
     */
    public static <T> T with(String bootstrapServers, Path dataDir, String clientId, String what,
                      BiFunction<KafkaSettings, Duration, T> action) {
        if (bootstrapServers != null) {
            return action.apply(new KafkaSettings(bootstrapServers, clientId), READ_TIMEOUT);
        }
        String running = RunningBroker.address(dataDir);
        if (running != null) {
            try {
                return action.apply(new KafkaSettings(running, clientId), STALE_ADDRESS_TIMEOUT);
            } catch (KafkaUnavailableException e) {
                // The run that wrote the address is gone: read its data with a broker of our own.
            }
        }
        Path kafkaDir = RunningBroker.kafkaDir(dataDir);
        if (!Files.isDirectory(kafkaDir)) {
            throw new IllegalArgumentException("no " + what + ": " + kafkaDir + " does not exist. Run `newsmon run`"
                    + " first, give its --data-dir, or give --bootstrap-servers of a running pipeline");
        }
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(kafkaDir, 0)) {
            return action.apply(new KafkaSettings(broker.bootstrapServers(), clientId), READ_TIMEOUT);
        }
    }

    /** How long reading a whole topic may take against a broker that answers. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    /** How long to try the address a run left behind before starting its broker here. */
    static final Duration STALE_ADDRESS_TIMEOUT = Duration.ofSeconds(15);
}
