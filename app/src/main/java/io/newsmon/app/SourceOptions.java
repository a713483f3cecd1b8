package io.newsmon.app;

import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.PollSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options that say what to watch, how often and how politely, shared by {@code run} and {@code ingest}. */
final class SourceOptions {
    @Mixin
    FeedsFileOption feedsFile;

    @Option(names = "--allow-private-addresses",
            description = "Let ingest fetch loopback and private hosts (for local sites and tests). Default: refused.")
    boolean allowPrivateAddresses;

    @Option(names = "--contact", paramLabel = "URL", defaultValue = "https://github.com/newsmon/newsmon",
            description = "Contact URL (http(s) or mailto:) put in the User-Agent, so site owners can reach you (default: ${DEFAULT-VALUE}).")
    String contact;

    @Option(names = "--per-host-delay", paramLabel = "DURATION", defaultValue = "PT1S",
            description = "Minimum time between two requests to one host; a longer robots.txt Crawl-delay wins, up to 30 s (default: ${DEFAULT-VALUE}).")
    Duration perHostDelay;

    @Option(names = "--per-host-connections", paramLabel = "N", defaultValue = "1",
            description = "Most requests in flight to one host at a time (default: ${DEFAULT-VALUE}).")
    int perHostConnections;

    @Option(names = "--ignore-robots-txt",
            description = "Do not read robots.txt. Only for your own sites: by default robots.txt is obeyed.")
    boolean ignoreRobots;

    @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "PT15M",
            description = "Interval a feed starts from; it then adapts between --min-poll-interval and --max-poll-interval (default: ${DEFAULT-VALUE}).")
    Duration pollInterval;

    @Option(names = "--min-poll-interval", paramLabel = "DURATION", defaultValue = "PT5M",
            description = "Shortest interval between two polls of a feed that publishes often (default: ${DEFAULT-VALUE}).")
    Duration minPollInterval;

    @Option(names = "--max-poll-interval", paramLabel = "DURATION", defaultValue = "PT2H",
            description = "Longest interval between two polls of a quiet feed; also caps Cache-Control, Expires and RSS ttl (default: ${DEFAULT-VALUE}).")
    Duration maxPollInterval;

    @Option(names = "--max-backoff", paramLabel = "DURATION", defaultValue = "PT1H",
            description = "Longest wait before retrying a failing feed; failures back off from 1 min, doubling with jitter, and are retried forever (default: ${DEFAULT-VALUE}).")
    Duration maxBackoff;

    /** Checks the values before anything starts; durations are ISO-8601, for example PT1S or PT15M. */
    void validate() {
        Durations.requireAtLeast("--per-host-delay", perHostDelay, Duration.ZERO);
        Durations.requireAtLeast("--min-poll-interval", minPollInterval, Duration.ofSeconds(1));
        Durations.requireAtLeast("--max-poll-interval", maxPollInterval, minPollInterval);
        Durations.requireAtLeast("--poll-interval", pollInterval, Duration.ofSeconds(1));
        Durations.requireAtLeast("--max-backoff", maxBackoff, Duration.ofSeconds(1));
        if (perHostConnections < 1) {
            throw new IllegalArgumentException("Invalid value " + perHostConnections
                    + " for --per-host-connections: must be at least 1");
        }
        fetch();
    }

    List<FeedSource> loadFeeds() {
        return feedsFile.load();
    }

    FetchSettings fetch() {
        try {
            return FetchSettings.defaults().withAllowPrivateAddresses(allowPrivateAddresses)
                    .withUserAgent(FetchSettings.userAgentFor(contact));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid value \"" + contact + "\" for --contact: " + e.getMessage(), e);
        }
    }

    PolitenessSettings politeness() {
        PolitenessSettings defaults = PolitenessSettings.defaults();
        return new PolitenessSettings(perHostDelay, perHostConnections, !ignoreRobots, defaults.robotsAgent(),
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
