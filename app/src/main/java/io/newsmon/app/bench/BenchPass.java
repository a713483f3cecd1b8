package io.newsmon.app.bench;

import io.newsmon.ingest.IngestReport;
import io.newsmon.ingest.Ingester;
import io.newsmon.ingest.PageSink;
import io.newsmon.ingest.SeenIds;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.schedule.FeedStates;
import io.newsmon.model.RawPage;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * One timed {@link Ingester#pollOnce} over the synthetic site, delivering to a sink that only counts,
 * and printing progress every {@link #PROGRESS_EVERY} while it runs.
 *
 * <p>Example: {@code new BenchPass("pass 1", site, 10_000, 11_100, err).run(ingester, feeds, states, seen)}.
 */
final class BenchPass {
    /** How often progress is printed: 3 s. */
    static final Duration PROGRESS_EVERY = Duration.ofSeconds(3);

    /**
     * What one pass did.
     *
     * @param report    the ingester's report
     * @param answered  what the site answered during the pass
     * @param pages     the pages the sink received
     * @param textChars the characters of page text the sink received (the site's pages are ASCII, so
     *                  also their bytes)
     * @param elapsed   how long {@code pollOnce} took
     */
    record Result(IngestReport report, SyntheticSite.Counts answered, long pages, long textChars, Duration elapsed) {
        /** Seconds elapsed, at least a nanosecond's worth so rates stay finite. */
        double seconds() {
            return Math.max(elapsed.toNanos(), 1) / 1e9;
        }
    }

    /** Counts the pages it is given; thread-safe. */
    private static final class CountingSink implements PageSink {
        final LongAdder pages = new LongAdder();
        final LongAdder chars = new LongAdder();

        @Override
        public void accept(RawPage page) {
            pages.increment();
            chars.add(page.html().length());
        }
    }

    private final String name;
    private final SyntheticSite site;
    private final long expectedPages;
    private final long expectedRequests;
    private final PrintWriter progress;

    /**
     * @param name             names the pass in the progress lines, for example {@code pass 1}
     * @param site             the site polled, whose answers are counted
     * @param expectedPages    the pages the pass should fetch, for the progress lines
     * @param expectedRequests the requests the pass should make, for the progress lines
     * @param progress         where progress goes (standard error)
     */
    BenchPass(String name, SyntheticSite site, long expectedPages, long expectedRequests, PrintWriter progress) {
        this.name = name;
        this.site = site;
        this.expectedPages = expectedPages;
        this.expectedRequests = expectedRequests;
        this.progress = progress;
    }

    /** Polls every feed once and waits until all are done. */
    Result run(Ingester ingester, List<FeedSource> feeds, FeedStates states, SeenIds seen) {
        CountingSink sink = new CountingSink();
        SyntheticSite.Counts before = site.counts();
        long start = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("bench-progress").factory());
        ticker.scheduleAtFixedRate(() -> printProgress(sink, before, start),
                PROGRESS_EVERY.toMillis(), PROGRESS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        IngestReport report;
        try {
            report = ingester.pollOnce(feeds, states, seen, sink);
        } finally {
            ticker.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new Result(report, site.counts().minus(before), sink.pages.sum(), sink.chars.sum(), elapsed);
    }

    private void printProgress(CountingSink sink, SyntheticSite.Counts before, long start) {
        long requests = site.counts().minus(before).requests();
        progress.println(String.format(Locale.ROOT, "bench %s: %d / %d pages, %d / %d requests, %.0f s", name,
                sink.pages.sum(), expectedPages, requests, expectedRequests, (System.nanoTime() - start) / 1e9));
        progress.flush();
    }
}
