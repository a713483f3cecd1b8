package io.newsmon.app;

import io.newsmon.enrich.tag.TopicDefinition;
import io.newsmon.enrich.tag.TopicsFile;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The topics option shared by {@code run} and {@code enrich}. */
final class TopicOptions {
    @Option(names = "--topics", paramLabel = "FILE",
            description = "Topics file (YAML: id, name, Lucene query). Default: the bundled Huawei and US trade taxonomy.")
    Path topics;

    List<TopicDefinition> loadTopics() {
        return topics == null ? TopicsFile.bundled() : TopicsFile.load(topics);
    }
}
