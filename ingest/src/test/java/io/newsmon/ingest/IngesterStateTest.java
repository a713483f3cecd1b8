package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.fetch.FetchSettings;
import io.newsmon.ingest.fetch.HttpFetcher;
import io.newsmon.ingest.fetch.LocalServer;
import io.newsmon.ingest.politeness.ManualClock;
import io.newsmon.ingest.politeness.PolitenessSettings;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.ingest.schedule.PollSettings;
import io.newsmon.model.ArticleId;
import io.newsmon.model.FeedState;
import io.newsmon.model.RawPage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingester with feed state: conditional GET, health, backoff, limits and the schedule. */
class IngesterStateTest {
    private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

    private final Queue<RawPage> published = new ConcurrentLinkedQueue<>();
    private final InMemorySeenIds seen = new InMemorySeenIds();
    private final InMemoryFeedStates states = new InMemoryFeedStates();
    private final ManualClock clock = new ManualClock(START);
    private final List<String> ifNoneMatch = new ArrayList<>();
    private LocalServer server;
    private Ingester ingester;
    private volatile String version = "v1";
    private volatile int articles = 3;

    @BeforeEach
    void start() throws IOException {
        server = new LocalServer();
        server.route("/feed.rss", this::feed);
        for (int i = 0; i < 10; i++) {
            server.serve("/a/" + i + ".html", "text/html", "<html><body><p>Article " + i + " about Huawei.</p></body></html>");
        }
        server.serve("/missing-page-feed.rss", "application/rss+xml", server.rss("/nowhere.html"));
        ingester = ingester(IngestSettings.defaults());
    }

    @AfterEach
    void stop() {
        ingester.close();
        server.close();
    }

    @Test
    void anUnchangedFeedAnswers304AndCostsNoPageFetch() {
        IngestReport first = poll();
        IngestReport second = poll();

        assertThat(first.pagesFetched()).isEqualTo(3);
        assertThat(second).isEqualTo(new IngestReport(1, 0, 1, 0, 0, 0, List.of()));
        assertThat(ifNoneMatch).containsExactly("", "\"v1\"");
        FeedState state = state();
        assertThat(state.etag()).isEqualTo("\"v1\"");
        assertThat(state.lastEntries()).isEqualTo(3);
        assertThat(state.articlesPublished()).isEqualTo(3);
    }

    @Test
    void aChangedFeedIsReadAgainAndOnlyItsNewArticlesFetched() {
        poll();
        version = "v2";
        articles = 5;

        IngestReport report = poll();

        assertThat(report.pagesFetched()).isEqualTo(2);
        assertThat(state().etag()).isEqualTo("\"v2\"");
        assertThat(server.hits("/a/0.html")).isEqualTo(1);
    }

    @Test
    void aFailingFeedShowsItsErrorAndBacksOffWhileTheOthersGoOn() {
        FeedSource broken = FeedSource.feed(server.url("/gone.xml"));

        IngestReport report = ingester.pollOnce(List.of(broken, feedSource()), states, seen, published::add);
        clock.advance(Duration.ofSeconds(5));
        ingester.pollOnce(List.of(broken), states, seen, published::add);

        assertThat(report.feedsFailed()).isEqualTo(1);
        assertThat(report.pagesFetched()).isEqualTo(3);
        FeedState failing = states.get(broken.url()).orElseThrow();
        assertThat(failing.consecutiveFailures()).isEqualTo(2);
        assertThat(failing.lastErrorMessage()).isEqualTo("HTTP status 404 from " + broken.url());
        assertThat(failing.lastSuccess()).isNull();
        assertThat(failing.nextPoll()).isAfter(clock.instant().plusSeconds(59));
        assertThat(state().healthy()).isTrue();
        assertThat(ingester.due(List.of(broken, feedSource()), states)).isEmpty();
    }

    @Test
    void aFeedIsDueAgainWhenItsIntervalHasPassed() {
        poll();
        List<FeedSource> feeds = List.of(feedSource());

        clock.advance(Duration.ofMinutes(9));
        assertThat(ingester.due(feeds, states)).isEmpty();
        clock.advance(Duration.ofMinutes(2));
        assertThat(ingester.due(feeds, states)).containsExactly(feedSource());
        assertThat(ingester.nextDue(feeds, states)).contains(START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void pagesLeftOverByTheLimitAreFetchedByTheNextPollsInsteadOfA304() {
        articles = 10;
        try (Ingester limited = ingester(new IngestSettings(PollSettings.defaults(), 4, 3, 20))) {
            List<Integer> perPoll = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                perPoll.add(limited.pollOnce(List.of(feedSource()), states, seen, published::add).pagesFetched());
            }

            assertThat(perPoll).containsExactly(4, 4, 2, 0);
        }
        assertThat(ifNoneMatch).containsExactly("", "", "", "\"v1\"");
        assertThat(published).hasSize(10);
    }

    @Test
    void aMissingPageIsGivenUpAfterTheAttemptsAndTheFeedThenAnswers304() {
        FeedSource feed = FeedSource.feed(server.url("/missing-page-feed.rss"));
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            errors.addAll(ingester.pollOnce(List.of(feed), states, seen, published::add).errors());
        }

        assertThat(server.hits("/nowhere.html")).isEqualTo(3);
        assertThat(errors).last().asString().endsWith("given up after 3 attempts, not fetched again");
        assertThat(seen.contains(ArticleId.of(server.url("/nowhere.html")))).isTrue();
    }

    private IngestReport poll() {
        return ingester.pollOnce(List.of(feedSource()), states, seen, published::add);
    }

    private FeedState state() {
        return states.get(feedSource().url()).orElseThrow();
    }

    private FeedSource feedSource() {
        return FeedSource.feed(server.url("/feed.rss"));
    }

    private Ingester ingester(IngestSettings settings) {
        HttpFetcher fetcher = new HttpFetcher(FetchSettings.defaults().withAllowPrivateAddresses(true));
        return new Ingester(fetcher, PolitenessSettings.defaults().withPerHostDelay(Duration.ZERO), settings, clock,
                new SplittableRandom(3));
    }

    private void feed(HttpExchange exchange) throws IOException {
        String etag = "\"" + version + "\"";
        String sent = exchange.getRequestHeaders().getFirst("If-None-Match");
        synchronized (ifNoneMatch) {
            ifNoneMatch.add(sent == null ? "" : sent);
        }
        exchange.getResponseHeaders().add("ETag", etag);
        if (etag.equals(sent)) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        List<String> links = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            links.add("/a/" + i + ".html");
        }
        LocalServer.send(exchange, 200, "application/rss+xml", server.rss(links.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8));
    }
}
