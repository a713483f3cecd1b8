package io.newsmon.app.pipeline;

import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The enrich options shared by {@code run} and {@code enrich}: the topics and the duplicate window, settings
 * of {@link io.newsmon.app.config.Settings} (checked before the command runs).
 */
final class TopicOptions {
    @Option(names = "--duplicate-window", paramLabel = "DURATION")
    Duration duplicateWindow;

    @Option(names = "--topics", paramLabel = "FILE")
    Path topics;

    /** The duplicate window: positive and at most what the fingerprint topic keeps (checked at start-up). */
    Duration duplicateWindow() {
        return duplicateWindow;
    }

    List<TopicDefinition> loadTopics() {
        return topics == null ? TopicsFile.bundled() : TopicsFile.load(topics);
    }
}
