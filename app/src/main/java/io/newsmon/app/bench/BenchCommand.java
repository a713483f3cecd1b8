package io.newsmon.app.bench;

import io.newsmon.ingest.InMemorySeenIds;
import io.newsmon.ingest.IngestSettings;
import io.newsmon.ingest.Ingester;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code newsmon bench}: measures the ingest stage alone against a synthetic site in the same process.
 *
 * <p>It starts a {@link SyntheticSite} of {@code --feeds} RSS feeds (default 1000) on {@code --hosts}
 * loopback addresses (default 100), listing {@code --articles} pages (default 10,000) of about
 * {@code --page-kb} KB (default 30), each answer delayed by {@code --latency} (default 5 ms). It then
 * runs an {@link Ingester} over it twice with in-memory feed states and seen ids, a sink that only
 * counts, and {@code --per-host-delay} (default 50 ms) with one request at a time per host. Pass 1 should
 * fetch every article; pass 2, over unchanged feeds, should get 304 for each feed and fetch nothing.
 * It prints the figures of each pass on standard output and progress on standard error.
 *
 * <p>Exit code 0 when pass 1 fetched every article and pass 2 none, 1 otherwise, 2 for a bad option.
 *
 * <p>Example: {@code newsmon bench --feeds 200 --hosts 20 --articles 2000 --per-host-delay PT1S}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = FreshnessCommand.class,
        description = {
            "Measures the ingest stage alone, without Kafka. Serves a synthetic news site",
            "of RSS feeds and HTML articles on many loopback addresses (127.0.0.1,",
            "127.0.0.2, ...) in this process, polls every feed twice with politeness on,",
            "and prints pages/s, MB/s, how close the run came to the politeness bound,",
            "peak heap, heap after GC, peak threads and peak RSS. The second pass must",
            "fetch nothing, since every feed answers 304 Not Modified.",
            "Exit code 0 when pass 1 fetched every article and pass 2 none, else 1.",
            "",
            "`newsmon bench freshness` measures the whole pipeline's freshness instead."})
public final class BenchCommand implements Callable<Integer> {
    /** The largest {@code --page-kb}: 8 MiB, well below {@link FetchSettings#maxBodyBytes()}'s default. */
    static final int MAX_PAGE_KB = 8 * 1024;

    @Spec
    CommandSpec spec;

    @Option(names = "--feeds", paramLabel = "N", defaultValue = "1000",
            description = "RSS feeds on the synthetic site (default: ${DEFAULT-VALUE}).")
    int feeds;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "100",
            description = "Loopback addresses the feeds are spread over, at most one per feed (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--articles", paramLabel = "N", defaultValue = "10000",
            description = "Article pages, spread evenly over the feeds, at least one per feed (default: ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--page-kb", paramLabel = "KB", defaultValue = "30",
            description = "Size of each article page in KB of HTML (default: ${DEFAULT-VALUE}).")
    int pageKb;

    @Option(names = "--latency", paramLabel = "DURATION", defaultValue = "PT0.005S",
            description = "Added to every answer of the site to act like a remote server, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration latency;

    @Option(names = "--per-host-delay", paramLabel = "DURATION", defaultValue = "PT0.05S",
            description = "Politeness: the pause between two requests to one host, ISO-8601 (default: ${DEFAULT-VALUE}).")
    Duration perHostDelay;

    @Override
    public Integer call() throws Exception {
        SiteShape shape = shape();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = new BenchReport(out);
        report.header(shape, perHostDelay);
        try (SyntheticSite site = SyntheticSite.start(shape);
             MemorySampler memory = MemorySampler.start();
             Ingester ingester = ingester(shape)) {
            List<FeedSource> sources = site.feedUrls().stream().map(FeedSource::feed).toList();
            InMemoryFeedStates states = new InMemoryFeedStates();
            InMemorySeenIds seen = new InMemorySeenIds();
            memory.reset();
            BenchPass.Result first = new BenchPass("pass 1", site, shape.articles(), shape.firstPollRequests(), err)
                    .run(ingester, sources, states, seen);
            // measured while the ingester, its states and seen ids are still in use, so they count
            report.firstPass(first, shape, new BenchReport.PolitenessBound(shape.hosts(), perHostDelay, shape.latency()),
                    memory.figures(), site.heldBytes());
            BenchPass.Result second = new BenchPass("pass 2", site, 0, shape.feeds(), err)
                    .run(ingester, sources, states, seen);
            report.secondPass(second, shape);
            List<String> problems = problems(shape, first, second);
            report.verdict(problems);
            problems.forEach(problem -> err.println("newsmon bench: " + problem));
            err.flush();
            return problems.isEmpty() ? 0 : 1;
        }
    }

    private SiteShape shape() {
        if (perHostDelay.isNegative()) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value " + perHostDelay + " for --per-host-delay: must be zero or positive");
        }
        if (pageKb < 1 || pageKb > MAX_PAGE_KB) {
            throw new ParameterException(spec.commandLine(), "Invalid value " + pageKb + " for --page-kb: must be 1 to "
                    + MAX_PAGE_KB + ", below the fetcher's 10 MiB cap on a body");
        }
        try {
            return new SiteShape(feeds, hosts, articles, pageKb * 1024, latency);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private Ingester ingester(SiteShape shape) {
        HttpFetcher http = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        PolitenessSettings politeness = PolitenessSettings.defaults().withPerHostDelay(perHostDelay);
        IngestSettings defaults = IngestSettings.defaults();
        // every article of a feed is fetched in one poll, however many a feed lists
        IngestSettings settings = new IngestSettings(defaults.poll(),
                Math.max(defaults.maxPagesPerPoll(), shape.maxArticlesPerFeed()), defaults.maxPageAttempts(),
                defaults.maxSitemaps());
        return new Ingester(http, politeness, settings, Clock.systemUTC());
    }

    /** What the two passes did that they should not have; empty when all is well. */
    static List<String> problems(SiteShape shape, BenchPass.Result first, BenchPass.Result second) {
        List<String> problems = new ArrayList<>();
        if (first.pages() != shape.articles()) {
            problems.add("pass 1 fetched " + first.pages() + " of " + shape.articles() + " articles ("
                    + first.report().pagesFailed() + " pages and " + first.report().feedsFailed()
                    + " feeds failed): every article should be fetched once");
        }
        if (second.pages() != 0) {
            problems.add("pass 2 fetched " + second.pages() + " pages from unchanged feeds: it should fetch none");
        }
        return problems;
    }
}
