package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import io.newsmon.ingest.fetch.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class PoliteFetcherTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String SITE = "https://news.example.org";

    private final ManualClock clock = new ManualClock(NOW);
    private final ScriptedFetch fetch = new ScriptedFetch();

    @Test
    void readsRobotsTxtFirstAndPassesTheValidatorsOn() {
        Validators validators = new Validators("\"v1\"", null);

        FetchResult result = polite(Duration.ZERO, 1).fetch(SITE + "/feed.xml", validators);

        assertThat(result).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetch.urls()).containsExactly(SITE + "/robots.txt", SITE + "/feed.xml");
        assertThat(fetch.calls().get(1).validators()).isEqualTo(validators);
    }

    @Test
    void refusesWhatRobotsTxtDisallowsWithoutFetchingIt() {
        fetch.robots(SITE, "User-agent: *\nDisallow: /private/\n");
        PoliteFetcher polite = polite(Duration.ZERO, 1);

        FetchResult result = polite.fetch(SITE + "/private/a.html");
        for (int i = 0; i < 5; i++) {
            polite.fetch(SITE + "/world/" + i + ".html");
        }

        assertThat(result).isEqualTo(new FetchResult.Failed(SITE + "/private/a.html", FailureKind.ROBOTS,
                "robots.txt of news.example.org disallows /private/a.html for user agent newsmon", 0, null));
        assertThat(fetch.count(SITE + "/private/a.html")).isZero();
        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(1);
        assertThat(fetch.urls()).hasSize(6);
    }

    @Test
    void fetchesEverythingWithoutRobotsTxtWhenNotObeyingIt() {
        fetch.robots(SITE, "User-agent: *\nDisallow: /\n");
        PoliteFetcher polite = new PoliteFetcher(fetch, settings(Duration.ZERO, 1).withIgnoreRobotsTxt(true), clock);

        assertThat(polite.fetch(SITE + "/a.html")).isInstanceOf(FetchResult.Fetched.class);
        assertThat(fetch.urls()).containsExactly(SITE + "/a.html");
    }

    @Test
    void fetchesEverythingWhenRobotsTxtIsNotFound() {
        fetch.status(SITE + "/robots.txt", 404, null);

        assertThat(polite(Duration.ZERO, 1).fetch(SITE + "/private/a.html")).isInstanceOf(FetchResult.Fetched.class);
    }

    @Test
    void fetchesNothingWhileRobotsTxtAnswersAServerError() {
        fetch.status(SITE + "/robots.txt", 503, null);

        FetchResult result = polite(Duration.ZERO, 1).fetch(SITE + "/a.html");

        assertThat(((FetchResult.Failed) result).reason())
                .startsWith("robots.txt of news.example.org disallows /a.html for user agent newsmon: it answered HTTP status 503");
        assertThat(fetch.count(SITE + "/a.html")).isZero();
    }

    @Test
    void fetchesWhenRobotsTxtIsUnreachableSoTheFetchReportsTheRealError() {
        fetch.answer(SITE + "/robots.txt", url -> new FetchResult.Failed(url, FailureKind.DNS, "cannot resolve host news.example.org"));
        fetch.answer(SITE + "/a.html", url -> new FetchResult.Failed(url, FailureKind.DNS, "cannot resolve host news.example.org"));

        FetchResult result = polite(Duration.ZERO, 1).fetch(SITE + "/a.html");

        assertThat(result).isEqualTo(new FetchResult.Failed(SITE + "/a.html", FailureKind.DNS, "cannot resolve host news.example.org"));
        assertThat(fetch.urls()).containsExactly(SITE + "/robots.txt", SITE + "/a.html");
    }

    @Test
    void countsTheRobotsRequestAsARequestToTheHost() {
        polite(Duration.ofMillis(150), 1).fetch(SITE + "/a.html");

        List<ScriptedFetch.Call> calls = fetch.calls();
        assertThat(Duration.ofNanos(calls.get(1).start() - calls.get(0).end())).isGreaterThanOrEqualTo(Duration.ofMillis(150));
    }

    @Test
    void waitsTheCrawlDelayWhenLongerThanThePerHostDelay() {
        fetch.robots(SITE, "User-agent: *\nCrawl-delay: 0.2\n");

        PoliteFetcher polite = polite(Duration.ZERO, 1);

        polite.fetch(SITE + "/a.html");
        polite.fetch(SITE + "/b.html");

        assertThat(fetch.urls()).containsExactly(SITE + "/robots.txt", SITE + "/a.html", SITE + "/b.html");
        assertThat(gapBetweenCalls(1, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    @Timeout(10)
    void capsTheCrawlDelay() {
        fetch.robots(SITE, "User-agent: *\nCrawl-delay: 3600\n");
        PoliteFetcher polite = new PoliteFetcher(fetch, new PolitenessSettings(Duration.ZERO, 1, false, "newsmon",
                Duration.ofMillis(200), Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(24)), clock);

        polite.fetch(SITE + "/a.html");
        polite.fetch(SITE + "/b.html");

        assertThat(fetch.urls()).containsExactly(SITE + "/robots.txt", SITE + "/a.html", SITE + "/b.html");
        assertThat(gapBetweenCalls(1, 2)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void tellsHowLongTheRequestTookWithoutThePolitenessWait() {
        fetch.answer(SITE + "/b.html", url -> {
            ScriptedFetch.sleep(50);
            return ScriptedFetch.ok(url);
        });
        PoliteFetcher polite = polite(Duration.ofMillis(300), 1);
        List<Duration> took = new ArrayList<>();

        polite.fetch(SITE + "/a.html", Validators.NONE, took::add);
        long start = System.nanoTime();
        polite.fetch(SITE + "/b.html", Validators.NONE, took::add);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).hasSize(2);
        assertThat(took.get(1)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(took.get(1)).isLessThan(elapsed.minusMillis(200));
    }

    @Test
    void tellsNoTimeForAFetchItDidNotSend() {
        fetch.robots(SITE, "User-agent: *\nDisallow: /private/\n");
        fetch.status(SITE + "/a.html", 429, Duration.ofSeconds(120));
        PoliteFetcher polite = polite(Duration.ZERO, 1);
        List<Duration> took = new ArrayList<>();

        FetchResult disallowed = polite.fetch(SITE + "/private/a.html", Validators.NONE, took::add);
        FetchResult throttled = polite.fetch(SITE + "/a.html", Validators.NONE, took::add);
        FetchResult deferred = polite.fetch(SITE + "/b.html", Validators.NONE, took::add);

        assertThat(List.of(disallowed, throttled, deferred)).extracting(r -> ((FetchResult.Failed) r).kind())
                .containsExactly(FailureKind.ROBOTS, FailureKind.THROTTLED, FailureKind.THROTTLED);
        assertThat(took).hasSize(1);
    }

    @Test
    void fetchesTwoHostsInParallel() throws Exception {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        fetch.answer("https://a.example/x", url -> meet(bothInside, url));
        fetch.answer("https://b.example/x", url -> meet(bothInside, url));
        PoliteFetcher polite = new PoliteFetcher(fetch, settings(Duration.ofSeconds(10), 1).withIgnoreRobotsTxt(true), clock);

        assertThat(fetchTogether(polite, "https://a.example/x", "https://b.example/x"))
                .allMatch(result -> result instanceof FetchResult.Fetched);
    }

    @Test
    void fetchesTwoUrlsOfAHostTogetherWhenTwoAreAllowed() throws Exception {
        CyclicBarrier bothInside = new CyclicBarrier(2);
        fetch.answer(SITE + "/a", url -> meet(bothInside, url));
        fetch.answer(SITE + "/b", url -> meet(bothInside, url));
        PoliteFetcher polite = new PoliteFetcher(fetch, settings(Duration.ZERO, 2).withIgnoreRobotsTxt(true), clock);

        assertThat(fetchTogether(polite, SITE + "/a", SITE + "/b")).allMatch(result -> result instanceof FetchResult.Fetched);
    }

    @Test
    void defersAHostThatAnswers429AndFailsFastUntilThen() {
        fetch.status(SITE + "/a.html", 429, Duration.ofSeconds(120));
        PoliteFetcher polite = polite(Duration.ZERO, 1);

        FetchResult first = polite.fetch(SITE + "/a.html");
        clock.advance(Duration.ofSeconds(20));
        FetchResult second = polite.fetch(SITE + "/b.html");
        FetchResult elsewhere = polite.fetch("https://other.example.org/a.html");

        assertThat(((FetchResult.Failed) first).status()).isEqualTo(429);
        assertThat(polite.deferredUntil("News.Example.org")).contains(NOW.plusSeconds(120));
        assertThat(second).isEqualTo(new FetchResult.Failed(SITE + "/b.html", FailureKind.THROTTLED,
                "news.example.org asked us to wait until 2025-03-01T10:02:00Z (Retry-After); not fetched", 0,
                Duration.ofSeconds(100)));
        assertThat(fetch.count(SITE + "/b.html")).isZero();
        assertThat(elsewhere).isInstanceOf(FetchResult.Fetched.class);
        assertThat(polite.deferredUntil("other.example.org")).isEmpty();
    }

    @Test
    void defersAHostByOneMinuteAfter429WithoutRetryAfter() {
        fetch.status(SITE + "/a.html", 429, null);
        PoliteFetcher polite = polite(Duration.ZERO, 1);

        polite.fetch(SITE + "/a.html");

        assertThat(polite.deferredUntil("news.example.org")).contains(NOW.plus(PoliteFetcher.DEFAULT_RETRY_AFTER));
    }

    @Test
    void defersAHostOn503OnlyWithRetryAfter() {
        fetch.status(SITE + "/a.html", 503, null);
        fetch.status("https://busy.example.org/a.html", 503, Duration.ofSeconds(90));
        PoliteFetcher polite = polite(Duration.ZERO, 1);

        polite.fetch(SITE + "/a.html");
        polite.fetch("https://busy.example.org/a.html");

        assertThat(polite.deferredUntil("news.example.org")).isEmpty();
        assertThat(polite.deferredUntil("busy.example.org")).contains(NOW.plusSeconds(90));
    }

    @Test
    void capsRetryAfterAtMaxRetryAfter() {
        fetch.status(SITE + "/a.html", 429, Duration.ofDays(2));

        PoliteFetcher polite = polite(Duration.ZERO, 1);
        polite.fetch(SITE + "/a.html");

        assertThat(polite.deferredUntil("news.example.org")).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void waitsOutAShortRetryAfter() {
        fetch.status(SITE + "/a.html", 429, Duration.ofMillis(300));
        PoliteFetcher polite = polite(Duration.ZERO, 1);
        polite.fetch(SITE + "/a.html");

        long start = System.nanoTime();
        FetchResult second = polite.fetch(SITE + "/b.html");

        assertThat(second).isInstanceOf(FetchResult.Fetched.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void reportsAnInterruptionWhileWaitingInsteadOfThrowing() {
        PoliteFetcher polite = polite(Duration.ZERO, 1);

        Thread.currentThread().interrupt();
        FetchResult result = polite.fetch(SITE + "/a.html");
        boolean stillInterrupted = Thread.interrupted();

        assertThat(result).isEqualTo(new FetchResult.Failed(SITE + "/a.html", FailureKind.INTERRUPTED,
                "interrupted while waiting to fetch " + SITE + "/a.html"));
        assertThat(stillInterrupted).isTrue();
        assertThat(fetch.urls()).isEmpty();
    }

    @Test
    void turnsAnExceptionOfTheFetchIntoAFailure() {
        PoliteFetcher polite = new PoliteFetcher((url, validators) -> {
            throw new IllegalStateException("boom");
        }, settings(Duration.ZERO, 1), clock);

        FetchResult result = polite.fetch(SITE + "/a.html");

        assertThat(result).isEqualTo(new FetchResult.Failed(SITE + "/a.html", FailureKind.OTHER,
                "fetching " + SITE + "/a.html failed unexpectedly: java.lang.IllegalStateException: boom"));
    }

    @Test
    void leavesAUrlThatIsNotHttpToTheFetchToReport() {
        fetch.answer("mailto:news@example.org", url -> new FetchResult.Failed(url, FailureKind.INVALID_URL, "\"" + url + "\" is not an absolute http(s) URL"));

        FetchResult result = polite(Duration.ZERO, 1).fetch("mailto:news@example.org");

        assertThat(((FetchResult.Failed) result).reason()).isEqualTo("\"mailto:news@example.org\" is not an absolute http(s) URL");
        assertThat(fetch.urls()).containsExactly("mailto:news@example.org");
    }

    private PoliteFetcher polite(Duration delay, int maxConcurrent) {
        return new PoliteFetcher(fetch, settings(delay, maxConcurrent), clock);
    }

    private static PolitenessSettings settings(Duration delay, int maxConcurrent) {
        return new PolitenessSettings(delay, maxConcurrent, false, "newsmon", Duration.ofSeconds(30),
                Duration.ofHours(1), Duration.ofSeconds(30), Duration.ofHours(24));
    }

    /** From the end of call {@code first} to the start of call {@code second}. */
    private Duration gapBetweenCalls(int first, int second) {
        List<ScriptedFetch.Call> calls = fetch.calls();
        return Duration.ofNanos(calls.get(second).start() - calls.get(first).end());
    }

    private static List<FetchResult> fetchTogether(PoliteFetcher polite, String a, String b) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<FetchResult> first = threads.submit(() -> polite.fetch(a));
            Future<FetchResult> second = threads.submit(() -> polite.fetch(b));
            return List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS));
        }
    }

    private static FetchResult meet(CyclicBarrier barrier, String url) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
            return ScriptedFetch.ok(url);
        } catch (Exception e) {
            return new FetchResult.Failed(url, FailureKind.OTHER, "the other request did not run at the same time: " + e);
        }
    }
}
