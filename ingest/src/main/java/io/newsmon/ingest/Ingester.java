package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.politeness.HostThrottle;
import io.newsmon.ingest.url.UrlCanonicalizer;
import io.newsmon.model.ArticleId;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.RawPage;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage without Kafka: one {@link #pollOnce} reads every feed, and fetches and delivers every
 * article page not seen before.
 *
 * <p>Links are canonicalised ({@link UrlCanonicalizer}) and identified with {@link ArticleId#of}, so an
 * article reached through two feeds, or once with {@code ?utm_source=...}, is fetched once. Fetches run
 * on virtual threads: at most one request at a time per host, {@link IngestSettings#perHostDelay()}
 * apart, different hosts in parallel. A page is added to {@link SeenIds} only after the
 * {@link PageSink} has accepted it. One failing feed or page never stops the others: each failure is a
 * line in the {@link IngestReport} and one warning in the log.
 *
 * <p>Example: {@code new Ingester(new HttpFetcher(settings.fetch()), settings, Clock.systemUTC())
 * .pollOnce(FeedsFile.bundled(), new InMemorySeenIds(), producer::publish)}.
 */
public final class Ingester implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

    private final HttpFetcher fetcher;
    private final Clock clock;
    private final HostThrottle throttle;
    private final FeedReader feedReader;

    /**
     * @param fetcher  fetches feeds and pages; build it from {@code settings.fetch()}
     * @param settings the per-host delay (and the fetch settings the fetcher was built from)
     * @param clock    gives {@link RawPage#fetchedAt()}
     */
    public Ingester(HttpFetcher fetcher, IngestSettings settings, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.throttle = new HostThrottle(settings.perHostDelay());
        this.feedReader = new FeedReader(this::fetchPolitely);
    }

    /** A new article found in a feed: what a page fetch needs. */
    private record Candidate(FeedSource source, FeedEntry entry, String url, String id) {
    }

    /** Polls every feed once and delivers every new article page to {@code sink}; never throws. */
    public IngestReport pollOnce(List<FeedSource> feeds, SeenIds seen, PageSink sink) {
        List<String> errors = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<FeedReader.Read> reads = runAll(threads, feeds.stream()
                    .<Callable<FeedReader.Read>>map(feed -> () -> feedReader.read(feed)).toList());
            int feedsFailed = 0;
            int entries = 0;
            for (FeedReader.Read read : reads) {
                feedsFailed += read.error() == null ? 0 : 1;
                entries += read.entries().size();
                failure(errors, "feed", read.source().url(), read.error());
            }
            List<Candidate> candidates = newArticles(reads, seen);
            List<String> pageErrors = runAll(threads, candidates.stream()
                    .<Callable<String>>map(c -> () -> deliver(c, seen, sink)).toList());
            pageErrors.forEach(error -> failure(errors, "page", null, error));
            int pagesFailed = (int) pageErrors.stream().filter(Objects::nonNull).count();
            return new IngestReport(feeds.size(), feedsFailed, entries, candidates.size() - pagesFailed, pagesFailed, errors);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            errors.add("poll interrupted before it finished");
            return new IngestReport(feeds.size(), 0, 0, 0, 0, errors);
        }
    }

    private List<Candidate> newArticles(List<FeedReader.Read> reads, SeenIds seen) {
        List<Candidate> candidates = new ArrayList<>();
        Set<String> handled = new HashSet<>();
        for (FeedReader.Read read : reads) {
            for (FeedEntry entry : read.entries()) {
                // The parsers only return links that canonicalize.
                String url = UrlCanonicalizer.canonicalize(entry.link());
                String id = ArticleId.of(url);
                if (!seen.contains(id) && handled.add(id)) {
                    candidates.add(new Candidate(read.source(), entry, url, id));
                }
            }
        }
        return candidates;
    }

    /** Fetches and delivers one page; returns null, or the error line "url: reason". */
    private String deliver(Candidate candidate, SeenIds seen, PageSink sink) {
        FetchResult result = fetchPolitely(candidate.url());
        if (result instanceof FetchResult.Failed failed) {
            return candidate.url() + ": " + failed.reason();
        }
        FetchResult.Fetched page = (FetchResult.Fetched) result;
        if (!ContentTypes.isHtml(page.contentType())) {
            return candidate.url() + ": " + page.url() + " is " + page.contentType() + ", not an HTML page";
        }
        try {
            sink.accept(rawPage(candidate, page));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return candidate.url() + ": not delivered: interrupted";
        } catch (Exception e) {
            return candidate.url() + ": not delivered: " + e;
        }
        seen.add(candidate.id());
        return null;
    }

    private RawPage rawPage(Candidate candidate, FetchResult.Fetched page) {
        return new RawPage(RawPage.SCHEMA_VERSION, candidate.id(), candidate.url(), candidate.source().url(),
                candidate.source().name(), candidate.entry(), Instant.now(clock), page.status(),
                page.contentType(), page.charset(), page.text());
    }

    private FetchResult fetchPolitely(String url) {
        try {
            return throttle.call(host(url), () -> fetcher.fetch(url));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new FetchResult.Failed(url, "interrupted while waiting to fetch " + url);
        }
    }

    private static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host == null ? url : host;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }

    private static void failure(List<String> errors, String what, String url, String reason) {
        if (reason != null) {
            String line = url == null ? reason : url + ": " + reason;
            LOG.warn("{} {}", what, line);
            errors.add(what + " " + line);
        }
    }

    private static <T> List<T> runAll(ExecutorService threads, List<Callable<T>> tasks) throws InterruptedException {
        List<T> results = new ArrayList<>(tasks.size());
        for (Future<T> future : threads.invokeAll(tasks)) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("an ingest task failed unexpectedly", e.getCause());
            }
        }
        return results;
    }

    /** Closes the fetcher this ingester was given. */
    @Override
    public void close() {
        fetcher.close();
    }
}
