package io.newsmon.app.pipeline;

import io.newsmon.app.feeds.FeedsFileOption;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.PollSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that say what to watch, how often and how politely, shared by {@code run} and {@code ingest}.
 * Each is a setting of {@link io.newsmon.app.config.Settings}, which gives its default, rule and
 * description, and checks it before the command runs.
 */
final class SourceOptions {
    @Mixin
    FeedsFileOption feedsFile;

    @Option(names = "--allow-private-addresses", arity = "0..1", paramLabel = "BOOLEAN")
    boolean allowPrivateAddresses;

    @Option(names = "--contact", paramLabel = "URL")
    String contact;

    @Option(names = "--per-host-delay", paramLabel = "DURATION")
    Duration perHostDelay;

    @Option(names = "--per-host-connections", paramLabel = "N")
    int perHostConnections;

    @Option(names = "--ignore-robots-txt", arity = "0..1", paramLabel = "BOOLEAN")
    boolean ignoreRobotsTxt;

    @Option(names = "--poll-interval", paramLabel = "DURATION")
    Duration pollInterval;

    @Option(names = "--min-poll-interval", paramLabel = "DURATION")
    Duration minPollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "DURATION")
    Duration maxPollInterval;

    @Option(names = "--max-backoff", paramLabel = "DURATION")
    Duration maxBackoff;

    List<FeedSource> loadFeeds() {
        return feedsFile.load();
    }

    FetchSettings fetch() {
        return FetchSettings.defaults().withAllowPrivateAddresses(allowPrivateAddresses)
                .withUserAgent(FetchSettings.userAgentFor(contact));
    }

    PolitenessSettings politeness() {
        PolitenessSettings defaults = PolitenessSettings.defaults();
        return new PolitenessSettings(perHostDelay, perHostConnections, ignoreRobotsTxt, defaults.robotsAgent(),
                defaults.maxCrawlDelay(), defaults.maxRetryAfter(), defaults.maxWait(), defaults.robotsCacheFor());
    }

    IngestSettings ingest() {
        PollSettings defaults = PollSettings.defaults();
        PollSettings poll = new PollSettings(minPollInterval, maxPollInterval, pollInterval,
                min(defaults.backoffBase(), maxBackoff), maxBackoff);
        return IngestSettings.defaults().withPoll(poll);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
