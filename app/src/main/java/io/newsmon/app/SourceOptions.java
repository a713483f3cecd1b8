package io.newsmon.app;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedsFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The options that say what to watch and how politely, shared by {@code run} and {@code ingest}. */
final class SourceOptions {
    @Option(names = "--feeds", paramLabel = "FILE",
            description = "Feeds file (YAML). Default: the bundled list of public feeds about Huawei and US tech trade policy.")
    Path feeds;

    @Option(names = "--allow-private-addresses",
            description = "Let ingest fetch loopback and private hosts (for local sites and tests). Default: refused.")
    boolean allowPrivateAddresses;

    @Option(names = "--per-host-delay", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "Minimum time between two requests to one host, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration perHostDelay;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "Time between two polls of the feeds when not --once, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    /** Checks the durations before anything starts. */
    void validate() {
        Durations.requireAtLeast("--per-host-delay", perHostDelay, Duration.ZERO);
        Durations.requireAtLeast("--poll-interval", pollInterval, Duration.ofSeconds(1));
    }

    List<FeedSource> loadFeeds() {
        return feeds == null ? FeedsFile.bundled() : FeedsFile.load(feeds);
    }
}
