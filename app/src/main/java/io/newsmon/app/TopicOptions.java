package io.newsmon.app;

import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicsFile;
import io.newsmon.kafka.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The enrich options shared by {@code run} and {@code enrich}: the topics and the duplicate window. */
final class TopicOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;
    @Option(names = "--duplicate-window", paramLabel = "DURATION", defaultValue = "P30D",
            description = "How long an original is remembered for near-duplicate detection, ISO-8601"
                    + " (default: ${DEFAULT-VALUE}, 30 days; at most P90D, how long the broker keeps fingerprints).")
    Duration duplicateWindow;

    @Option(names = "--topics", paramLabel = "FILE",
            description = "Topics file (YAML: id, name, Lucene query). Default: the bundled Huawei and US trade taxonomy.")
    Path topics;

    /** The duplicate window, checked: positive and at most what the fingerprint topic keeps. */
    Duration duplicateWindow() {
        Duration longest = Duration.ofMillis(Topics.FINGERPRINT_RETENTION_MS);
        if (duplicateWindow.isNegative() || duplicateWindow.isZero() || duplicateWindow.compareTo(longest) > 0) {
            throw new ParameterException(spec.commandLine(), "--duplicate-window " + duplicateWindow
                    + " is out of range: it must be positive and at most " + longest.toDays() + " days (P"
                    + longest.toDays() + "D), how long the broker keeps fingerprints");
        }
        return duplicateWindow;
    }

    List<TopicDefinition> loadTopics() {
        return topics == null ? TopicsFile.bundled() : TopicsFile.load(topics);
    }
}
