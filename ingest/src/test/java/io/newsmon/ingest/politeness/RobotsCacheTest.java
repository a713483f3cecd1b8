package io.newsmon.ingest.politeness;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.fetch.FailureKind;
import io.newsmon.ingest.fetch.FetchResult;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class RobotsCacheTest {
    private static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");
    private static final String SITE = "https://news.example.org";

    private final ManualClock clock = new ManualClock(NOW);
    private final ScriptedFetch fetch = new ScriptedFetch();
    private final RobotsCache robots = new RobotsCache(url -> fetch.fetch(url, null), PolitenessSettings.defaults(), clock);

    @Test
    void refusesWhatTheGroupOfItsAgentDisallows() throws InterruptedException {
        fetch.robots(SITE, "User-agent: *\nDisallow: /\n\nUser-agent: NewsMon\nDisallow: /private\n");

        assertThat(robots.refusal(SITE + "/private/a.html?x=1"))
                .contains("robots.txt of news.example.org disallows /private/a.html?x=1 for user agent newsmon");
        assertThat(robots.allowed(SITE + "/world/a.html")).isTrue();
    }

    @Test
    void followsTheWildcardGroupWhenNoGroupNamesItsAgent() throws InterruptedException {
        fetch.robots(SITE, "User-agent: otherbot\nDisallow: /\n\nUser-agent: *\nDisallow: /search\n");

        assertThat(robots.allowed(SITE + "/search?q=x")).isFalse();
        assertThat(robots.allowed(SITE + "/world/a.html")).isTrue();
    }

    @Test
    void fetchesRobotsTxtOnceForManyUrlsOfAnOrigin() throws Exception {
        fetch.robots(SITE, "User-agent: *\nDisallow: /private\n");

        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 20; i++) {
                String url = SITE + "/a" + i + ".html";
                threads.submit(() -> robots.allowed(url));
            }
        }

        assertThat(fetch.urls()).containsExactly(SITE + "/robots.txt");
    }

    @Test
    void keepsOneRobotsTxtPerSchemeHostAndPort() throws InterruptedException {
        robots.allowed("https://News.Example.org/a");
        robots.allowed("https://news.example.org:443/b");
        robots.allowed("http://news.example.org/c");
        robots.allowed("https://news.example.org:8443/d");

        assertThat(fetch.urls()).containsExactly("https://news.example.org/robots.txt",
                "http://news.example.org/robots.txt", "https://news.example.org:8443/robots.txt");
    }

    @Test
    void fetchesRobotsTxtAgainAfterRobotsCacheFor() throws InterruptedException {
        robots.allowed(SITE + "/a");
        clock.advance(Duration.ofHours(23));
        robots.allowed(SITE + "/b");
        clock.advance(Duration.ofHours(1));
        robots.allowed(SITE + "/c");

        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(2);
    }

    @Test
    void allowsEverythingWhenRobotsTxtIsNotFoundAndKeepsThatAnswer() throws InterruptedException {
        fetch.status(SITE + "/robots.txt", 404, null);

        assertThat(robots.allowed(SITE + "/a")).isTrue();
        assertThat(robots.allowed(SITE + "/private/b")).isTrue();
        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(1);
    }

    @Test
    void disallowsEverythingWhileRobotsTxtAnswersAServerErrorAndAsksAgainAfterTenMinutes() throws InterruptedException {
        fetch.status(SITE + "/robots.txt", 503, null);

        assertThat(robots.refusal(SITE + "/a")).contains("robots.txt of news.example.org disallows /a for user agent "
                + "newsmon: it answered HTTP status 503, so nothing may be fetched from it until it is asked again at "
                + "2025-03-01T10:10:00Z");
        clock.advance(Duration.ofMinutes(9));
        assertThat(robots.allowed(SITE + "/b")).isFalse();
        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(1);

        fetch.robots(SITE, "User-agent: *\nDisallow:\n");
        clock.advance(Duration.ofMinutes(1));
        assertThat(robots.allowed(SITE + "/b")).isTrue();
        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(2);
    }

    @Test
    void allowsEverythingWhenRobotsTxtIsUnreachableAndAsksAgainNextTime() throws InterruptedException {
        fetch.answer(SITE + "/robots.txt", url -> new FetchResult.Failed(url, FailureKind.CONNECT, "connection refused by news.example.org"));

        assertThat(robots.allowed(SITE + "/a")).isTrue();
        assertThat(robots.allowed(SITE + "/b")).isTrue();
        assertThat(fetch.count(SITE + "/robots.txt")).isEqualTo(2);
    }

    @Test
    void reportsTheCrawlDelayOfAHostEvenAVeryLongOne() throws InterruptedException {
        fetch.robots(SITE, "User-agent: *\nCrawl-delay: 2.5\n");
        fetch.robots("https://slow.example.org", "User-agent: *\nCrawl-delay: 3600\nDisallow: /private\n");

        robots.allowed(SITE + "/a");
        boolean slowAllowed = robots.allowed("https://slow.example.org/a");

        assertThat(robots.crawlDelay("News.Example.org")).isEqualTo(Duration.ofMillis(2500));
        assertThat(robots.crawlDelay("slow.example.org")).isEqualTo(Duration.ofHours(1));
        assertThat(slowAllowed).isTrue();
        assertThat(robots.crawlDelay("unknown.example.org")).isZero();
    }

    @Test
    void parsesOnlyTheFirst500KibCutAtALineBreak() throws InterruptedException {
        StringBuilder robotsTxt = new StringBuilder("User-agent: *\nDisallow: /private\n");
        while (robotsTxt.length() < RobotsCache.MAX_ROBOTS_BYTES - 12) {
            robotsTxt.append("# padding\n");
        }
        robotsTxt.setLength(RobotsCache.MAX_ROBOTS_BYTES - 12);
        robotsTxt.append("\nDisallow: /world\n"); // "Disallow: /" fits within the cap, the rest does not
        fetch.robots(SITE, robotsTxt.toString());

        assertThat(robots.allowed(SITE + "/private/a")).isFalse();
        assertThat(robots.allowed(SITE + "/world/a")).isTrue();
        assertThat(robots.allowed(SITE + "/sport/a")).isTrue();
    }
}
