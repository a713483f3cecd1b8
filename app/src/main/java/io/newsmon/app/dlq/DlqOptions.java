package io.newsmon.app.dlq;

import io.newsmon.app.broker.PipelineBroker;
import io.newsmon.app.cli.DataDirOption;
import io.newsmon.app.cli.KafkaOptions;
import io.newsmon.kafka.DeadLetterLog;
import io.newsmon.kafka.KafkaSettings;
import java.util.List;
import java.util.function.BiFunction;
import io.newsmon.app.config.ConfigOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options {@code dlq list} and {@code dlq replay} share: where the broker is (--bootstrap-servers, else the
 * embedded broker of {@code newsmon run} under --data-dir, the running one or, when none runs, started for
 * the command) and which letters.
 */
final class DlqOptions {
    @Mixin
    KafkaOptions kafkaOptions;
    @Mixin
    DataDirOption data;
    @Mixin
    ConfigOptions config;

    /** The stages that dead-letter records, as a letter names them. */
    enum Stage {
        enrich, store
    }

    @Option(names = "--stage", paramLabel = "STAGE",
            description = "Only dead letters of this stage: ${COMPLETION-CANDIDATES}.")
    Stage stage;

    /** The dead letters of the chosen stage (with --stage, records that are not dead letters are left out). */
    List<DeadLetterLog.Entry> read() {
        return withLetters((kafka, entries) -> entries);
    }

    /** Runs {@code action} with the pipeline's broker and the dead letters of the chosen stage. */
    <T> T withLetters(BiFunction<KafkaSettings, List<DeadLetterLog.Entry>, T> action) {
        return PipelineBroker.with(kafkaOptions.bootstrapServers(), data.dataDir(), "newsmon-dlq", "dead letters", (kafka, timeout) ->
                action.apply(kafka, DeadLetterLog.read(kafka, timeout).stream()
                        .filter(e -> stage == null || e.letter() != null && e.letter().stage().equals(stage.name())).toList()));
    }
}
