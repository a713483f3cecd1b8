package io.newsmon.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsmon.ingest.IngestMetrics.Target;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.Validators;
import io.newsmon.ingest.politeness.PoliteFetcher;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.FeedStates;
import io.newsmon.ingest.schedule.PollSchedule;
import io.newsmon.model.ArticleId;
import io.newsmon.model.ContentTypes;
import io.newsmon.model.FeedEntry;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import io.newsmon.model.text.Printable;
import io.newsmon.model.url.UrlNormalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ingest stage without Kafka: polls feeds when they are due, and fetches and delivers every article
 * page not seen before.
 *
 * <p>Each feed is read with a conditional GET from its {@link FeedState}, and its next state (interval,
 * validators, backoff, health) is computed by {@link PollSchedule} and kept in {@link FeedStates}, so a
 * feed that fails is retried forever, later each time. Links are normalised
 * ({@link UrlNormalizer}) and identified with {@link ArticleId#of}, so an article reached through two
 * feeds, or once with {@code ?utm_source=...}, is fetched once. Every request goes through a
 * {@link PoliteFetcher} (robots.txt, per-host delay and concurrency, {@code Retry-After}). Feeds and
 * pages are fetched on virtual threads. A page is added to {@link SeenIds} only after the
 * {@link PageSink} has accepted it. One failing feed or page never stops the others. Fetches are counted
 * and timed per feed ({@link IngestMetrics}), and {@link #health} tells which feeds have gone silent.
 * Feed and page URLs are logged and reported as {@link Printable#url} shows them, passwords and tokens
 * masked, and every reason is safe to print.
 *
 * <p>Example: {@code new Ingester(new HttpFetcher(FetchSettings.defaults()), PolitenessSettings.defaults(),
 * IngestSettings.defaults(), Clock.systemUTC()).pollOnce(feeds, states, seen, producer::publish)}.
 */
public final class Ingester implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);

    private final HttpFetcher http;
    private final PoliteFetcher fetcher;
    private final IngestSettings settings;
    private final PollSchedule schedule;
    private final Clock clock;
    private final IngestMetrics metrics;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<String> feedsInFlight = ConcurrentHashMap.newKeySet();
    private final Set<String> pagesInFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> pageAttempts = new ConcurrentHashMap<>();
    private final Map<String, FeedHealth.Seen> remembered = new ConcurrentHashMap<>();

    /**
     * @param http       fetches feeds and pages; closed with this ingester
     * @param politeness how politely
     * @param settings   poll intervals and limits
     * @param clock      gives poll times, {@link RawPage#fetchedAt()} and the time {@link #health} is for
     * @param meters     where the fetches are counted ({@link IngestMetrics})
     */
    public Ingester(HttpFetcher http, PolitenessSettings politeness, IngestSettings settings, Clock clock,
                    MeterRegistry meters) {
        this(http, politeness, settings, clock, RandomGenerator.getDefault(), meters);
    }

    /** As above, counting into a {@link SimpleMeterRegistry} of its own that nothing exports. */
    public Ingester(HttpFetcher http, PolitenessSettings politeness, IngestSettings settings, Clock clock) {
        this(http, politeness, settings, clock, new SimpleMeterRegistry());
    }

    /** As above, with the random source of the backoff jitter (tests). */
    Ingester(HttpFetcher http, PolitenessSettings politeness, IngestSettings settings, Clock clock,
             RandomGenerator random) {
        this(http, politeness, settings, clock, random, new SimpleMeterRegistry());
    }

    /** As above, with the random source of the backoff jitter and the meters (tests). */
    Ingester(HttpFetcher http, PolitenessSettings politeness, IngestSettings settings, Clock clock,
             RandomGenerator random, MeterRegistry meters) {
        this.http = http;
        this.fetcher = new PoliteFetcher(http::fetch, politeness, clock);
        this.settings = settings;
        this.schedule = new PollSchedule(settings.poll(), random);
        this.clock = clock;
        this.metrics = new IngestMetrics(meters);
    }

    /** A new article found in a feed: what a page fetch needs. */
    private record Candidate(FeedSource source, FeedEntry entry, String url, String id, Instant discoveredAt) {
    }

    /** Polls every feed once now, whatever its schedule, and waits until all are done; never throws. */
    public IngestReport pollOnce(List<FeedSource> feeds, FeedStates states, SeenIds seen, PageSink sink) {
        return pollOnce(feeds, states, seen, sink, null);
    }

    /**
     * Polls every feed once now, as {@link #pollOnce(List, FeedStates, SeenIds, PageSink)} does, but stops
     * fetching at {@code deadline} (null: none): fetches still waiting for their host then, politeness
     * delays included, are given up, and their feeds and pages are counted as left
     * ({@link IngestReport#feedsLeft()}, {@link IngestReport#pagesLeft()}), not as failures. Pages fetched
     * by then are delivered. A page left is not marked seen and a feed left keeps its state, so the next
     * round takes them. Never throws.
     */
    public IngestReport pollOnce(List<FeedSource> feeds, FeedStates states, SeenIds seen, PageSink sink,
                                 Duration deadline) {
        Round round = new Round(deadline);
        List<Future<FeedPoll>> polls = feeds.stream()
                .map(feed -> threads.submit(() -> pollFeed(feed, states, seen, sink, round)))
                .toList();
        List<FeedPoll> done = new ArrayList<>();
        for (Future<FeedPoll> poll : polls) {
            done.add(round.await(poll));
        }
        return IngestReport.of(done);
    }

    /**
     * Starts a poll of every feed in {@code feeds} that is due and not being polled, and returns at once.
     *
     * @param done called with each poll's result, on the poll's thread
     * @return how many polls were started
     */
    public int startDue(List<FeedSource> feeds, FeedStates states, SeenIds seen, PageSink sink,
                        Consumer<FeedPoll> done) {
        int started = 0;
        for (FeedSource feed : due(feeds, states)) {
            if (feedsInFlight.add(feed.url())) {
                started++;
                threads.execute(() -> {
                    try {
                        done.accept(pollFeed(feed, states, seen, sink, Round.ENDLESS));
                    } finally {
                        feedsInFlight.remove(feed.url());
                    }
                });
            }
        }
        return started;
    }

    /** The feeds whose next poll is due now; a feed never polled is due. */
    public List<FeedSource> due(List<FeedSource> feeds, FeedStates states) {
        Instant now = clock.instant();
        return feeds.stream()
                .filter(feed -> states.get(feed.url()).map(s -> !s.nextPoll().isAfter(now)).orElse(true))
                .toList();
    }

    /** The earliest next poll among {@code feeds}, or empty when there are none. */
    public Optional<Instant> nextDue(List<FeedSource> feeds, FeedStates states) {
        Instant now = clock.instant();
        return feeds.stream()
                .map(feed -> states.get(feed.url()).map(FeedState::nextPoll).orElse(now))
                .min(Comparator.naturalOrder());
    }

    /**
     * The health of {@code feeds} now, from their states in {@code states} and what this ingester saw of
     * them; see {@link FeedHealth} for what silent means.
     */
    public FeedHealth health(List<FeedSource> feeds, FeedStates states) {
        return FeedHealth.of(feeds, states, remembered, clock.instant());
    }

    /**
     * Registers the gauges of the feeds' health ({@link IngestMetrics#FEEDS}, {@link IngestMetrics#SILENT}),
     * read from {@link #health} of the feeds {@code feeds} gives at each reading.
     */
    public void meterHealth(Supplier<List<FeedSource>> feeds, FeedStates states) {
        metrics.watch(() -> health(feeds.get(), states));
    }

    /** The meters of this ingester's polls and fetches. */
    public IngestMetrics metrics() {
        return metrics;
    }

    /** Polls one feed now: reads it, delivers its new pages and keeps its next state; never throws. */
    FeedPoll pollFeed(FeedSource feed, FeedStates states, SeenIds seen, PageSink sink) {
        return pollFeed(feed, states, seen, sink, Round.ENDLESS);
    }

    private FeedPoll pollFeed(FeedSource feed, FeedStates states, SeenIds seen, PageSink sink, Round round) {
        FeedPoll poll = poll(feed, states, seen, sink, round);
        metrics.polled(poll);
        return poll;
    }

    private FeedPoll poll(FeedSource feed, FeedStates states, SeenIds seen, PageSink sink, Round round) {
        FeedState before = stateOf(feed, states);
        FeedReader reader = new FeedReader((url, validators) -> fetch(feed, Target.FEED, url, validators),
                settings.maxSitemaps());
        FeedPoll poll;
        try {
            FeedReader.Outcome read = round.fetching(
                    () -> reader.read(feed, new Validators(before.etag(), before.lastModified())));
            if (round.ended() && read instanceof FeedReader.Failed failed && failed.kind() == FailureKind.INTERRUPTED) {
                return FeedPoll.leftAtDeadline(feed, before);
            }
            poll = switch (read) {
                case FeedReader.Failed failed -> readFailed(feed, before, failed);
                case FeedReader.NotModified notModified -> FeedPoll.notModified(feed, schedule.afterRead(before,
                        clock.instant(), PollSchedule.Answer.notModified(notModified.validators().etag(),
                                notModified.validators().lastModified(), notModified.freshFor())));
                case FeedReader.Read entries -> deliverAll(feed, before, entries, seen, sink, round);
            };
        } catch (RuntimeException e) {
            LOG.error("ingest: polling {} failed unexpectedly", Printable.url(feed.url()), e);
            metrics.failed(feed.url(), Target.FEED, FailureKind.OTHER);
            poll = failed(feed, before, Printable.text("polling " + feed.url() + " failed unexpectedly: " + e), null);
        }
        keep(states, poll);
        return poll;
    }

    /** Fetches {@code url} politely for {@code feed}, and meters the fetch. */
    private FetchResult fetch(FeedSource feed, Target target, String url, Validators validators) {
        FetchResult result = fetcher.fetch(url, validators, took -> metrics.took(feed.url(), target, took));
        metrics.fetched(feed.url(), target, result);
        return result;
    }

    private FeedState stateOf(FeedSource feed, FeedStates states) {
        return states.get(feed.url()).orElseGet(() -> schedule.initial(feed.url(), feed.name(), clock.instant()));
    }

    /** A feed that gave no entries; a failed fetch was counted when it came back, a useless document is now. */
    private FeedPoll readFailed(FeedSource feed, FeedState before, FeedReader.Failed failed) {
        if (!failed.kind().fetchFailure()) {
            metrics.failed(feed.url(), Target.FEED, failed.kind());
        }
        return failed(feed, before, failed.reason(), failed.retryAfter());
    }

    private FeedPoll failed(FeedSource feed, FeedState before, String reason, Duration retryAfter) {
        FeedState after = schedule.afterFailure(before, clock.instant(), reason, retryAfter);
        String shown = Printable.url(feed.url());
        LOG.warn("feed {}: {} ({} failure(s) in a row; next try at {})", shown, reason,
                after.consecutiveFailures(), after.nextPoll());
        return FeedPoll.failed(feed, after, "feed " + shown + ": " + reason);
    }

    private FeedPoll deliverAll(FeedSource feed, FeedState before, FeedReader.Read read, SeenIds seen, PageSink sink,
                                Round round) {
        Claim claim = claimNew(feed, read.entries(), seen, clock.instant());
        List<Candidate> fresh = claim.candidates();
        List<Future<PageDelivery>> fetches = fresh.stream()
                .map(c -> threads.submit(() -> deliver(c, seen, sink, round))).toList();
        List<String> errors = new ArrayList<>();
        int left = 0;
        int published = 0;
        for (Future<PageDelivery> fetch : fetches) {
            switch (round.await(fetch)) {
                case PageDelivery.Delivered delivered -> published++;
                case PageDelivery.LeftAtDeadline deadline -> left++;
                case PageDelivery.NotDelivered failed -> {
                    LOG.warn("page {}", failed.line());
                    errors.add("page " + failed.line());
                }
            }
        }
        boolean complete = errors.isEmpty() && left == 0 && !claim.truncated();
        // Keep the old validators when pages are left, so the next poll re-reads the feed rather than get a 304.
        Validators validators = complete ? read.validators() : new Validators(before.etag(), before.lastModified());
        FeedState after = schedule.afterRead(before, clock.instant(), PollSchedule.Answer.content(read.entries().size(),
                published, validators.etag(), validators.lastModified(), read.freshFor()));
        return FeedPoll.read(feed, after, read.entries().size(), published, errors, left);
    }

    /** The pages a poll claimed; {@code truncated} when more new pages were left for the next polls. */
    private record Claim(List<Candidate> candidates, boolean truncated) {
    }

    /** The entries' articles not seen and not being fetched by another poll, newest first, at most the limit; claimed. */
    private Claim claimNew(FeedSource feed, List<FeedEntry> entries, SeenIds seen, Instant readAt) {
        List<Candidate> fresh = new ArrayList<>();
        for (FeedEntry entry : newestFirst(entries)) {
            String url = UrlNormalizer.normalize(entry.link());
            String id = ArticleId.of(url);
            if (seen.contains(id)) {
                continue;
            }
            if (fresh.size() == settings.maxPagesPerPoll()) {
                return new Claim(fresh, true);
            }
            if (pagesInFlight.add(id)) {
                fresh.add(new Candidate(feed, entry, url, id, readAt));
            }
        }
        return new Claim(fresh, false);
    }

    private static List<FeedEntry> newestFirst(List<FeedEntry> entries) {
        Comparator<FeedEntry> byDate = Comparator.comparing(FeedEntry::published,
                Comparator.nullsLast(Comparator.reverseOrder()));
        return entries.stream().sorted(byDate).toList();
    }

    /** What became of one claimed page. */
    private sealed interface PageDelivery {
        /** Fetched and accepted by the sink, and marked seen. */
        record Delivered() implements PageDelivery {
        }

        /** Not delivered; {@code line} is "url: reason", safe to print. */
        record NotDelivered(String line) implements PageDelivery {
        }

        /** Not fetched: the round ended first. The page is not marked seen, so the next round fetches it. */
        record LeftAtDeadline() implements PageDelivery {
        }
    }

    /** Fetches and delivers one claimed page. */
    private PageDelivery deliver(Candidate candidate, SeenIds seen, PageSink sink, Round round) {
        PageDelivery delivery = attempt(candidate, seen, sink, round);
        return delivery instanceof PageDelivery.NotDelivered failed
                ? new PageDelivery.NotDelivered(Printable.text(failed.line())) : delivery;
    }

    private PageDelivery attempt(Candidate candidate, SeenIds seen, PageSink sink, Round round) {
        try {
            if (round.ended()) {
                return new PageDelivery.LeftAtDeadline();
            }
            FetchResult result = round.fetching(
                    () -> fetch(candidate.source(), Target.PAGE, candidate.url(), Validators.NONE));
            if (round.ended() && result instanceof FetchResult.Failed failed
                    && failed.kind() == FailureKind.INTERRUPTED) {
                return new PageDelivery.LeftAtDeadline();
            }
            String refusal = refusal(candidate, result, seen);
            if (refusal != null) {
                return new PageDelivery.NotDelivered(refusal);
            }
            sink.accept(rawPage(candidate, (FetchResult.Fetched) result));
            seen.add(candidate.id(), candidate.url());
            pageAttempts.remove(candidate.id());
            return new PageDelivery.Delivered();
        } catch (PageSink.Refused e) {
            return new PageDelivery.NotDelivered(giveUpLaterQuietly(candidate, seen, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new PageDelivery.NotDelivered(candidate.url() + ": not delivered: interrupted");
        } catch (Exception e) {
            return new PageDelivery.NotDelivered(candidate.url() + ": not delivered: " + e);
        } finally {
            pagesInFlight.remove(candidate.id());
        }
    }

    /** Why a fetched page is not delivered, or null when it is an HTML page. */
    private String refusal(Candidate candidate, FetchResult result, SeenIds seen) throws Exception {
        return switch (result) {
            case FetchResult.Failed failed -> failed.permanent()
                    ? giveUpLater(candidate, seen, failed.reason()) : candidate.url() + ": " + failed.reason();
            case FetchResult.NotModified notModified -> candidate.url() + ": unexpected 304 Not Modified";
            case FetchResult.Fetched page -> ContentTypes.isHtml(page.contentType()) ? null : notHtml(candidate, page, seen);
        };
    }

    private String notHtml(Candidate candidate, FetchResult.Fetched page, SeenIds seen) throws Exception {
        metrics.failed(candidate.source().url(), Target.PAGE, FailureKind.NOT_HTML);
        return giveUpLater(candidate, seen, page.url() + " is "
                + (page.contentType().isEmpty() ? "of no content type" : Printable.escape(page.contentType()))
                + ", not an HTML page");
    }

    private String giveUpLater(Candidate candidate, SeenIds seen, String reason) throws Exception {
        int attempts = pageAttempts.merge(candidate.id(), 1, Integer::sum);
        if (attempts < settings.maxPageAttempts()) {
            return candidate.url() + ": " + reason + " (attempt " + attempts + " of " + settings.maxPageAttempts() + ")";
        }
        pageAttempts.remove(candidate.id());
        seen.add(candidate.id(), candidate.url());
        return candidate.url() + ": " + reason + "; given up after " + attempts + " attempts, not fetched again";
    }

    /** {@link #giveUpLater}, for a caller that cannot throw: keeping the page seen failed is said in its line. */
    private String giveUpLaterQuietly(Candidate candidate, SeenIds seen, String reason) {
        try {
            return giveUpLater(candidate, seen, reason);
        } catch (Exception e) {
            return candidate.url() + ": " + reason + "; it could not be marked as given up: " + e;
        }
    }

    private RawPage rawPage(Candidate candidate, FetchResult.Fetched page) {
        return new RawPage(RawPage.SCHEMA_VERSION, candidate.id(), candidate.url(), candidate.source().url(),
                candidate.source().name(), candidate.entry(), clock.instant(), page.status(),
                page.contentType(), page.charset(), withoutControls(page.text()), candidate.discoveredAt());
    }

    /**
     * {@code html} with each C0 control character but tab, line feed, form feed and carriage return replaced:
     * HTML gives them no meaning, and each would take six bytes in the page's JSON message, so that a page of
     * a few MB of them would make a record too large to publish. Those that are whitespace to Java (vertical
     * tab, U+001C to U+001F) go as a space; the others (NUL, ESC and the like) as U+FFFD REPLACEMENT
     * CHARACTER, three bytes, which keeps the sign of a body that is not text: random bytes hold 23 of them in
     * every 256 whatever the charset, pages of text none, and enrich refuses a page with too many.
     */
    static String withoutControls(String html) {
        int first = firstControl(html);
        if (first < 0) {
            return html;
        }
        char[] chars = html.toCharArray();
        for (int i = first; i < chars.length; i++) {
            if (isControl(chars[i])) {
                chars[i] = Character.isWhitespace(chars[i]) ? ' ' : '\uFFFD';
            }
        }
        return new String(chars);
    }

    private static int firstControl(String html) {
        for (int i = 0; i < html.length(); i++) {
            if (isControl(html.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r';
    }

    private void keep(FeedStates states, FeedPoll poll) {
        remembered.compute(poll.feed().url(), (url, before) -> FeedHealth.Seen.after(before, poll.state()));
        try {
            states.put(poll.state());
        } catch (Exception e) {
            LOG.error("ingest: the state of feed {} could not be kept; it will be polled again as if new: {}",
                    Printable.url(poll.feed().url()), e.toString());
        }
    }

    /** Stops the polls in flight and closes the fetcher. */
    @Override
    public void close() {
        threads.shutdownNow();
        http.close();
    }
}
