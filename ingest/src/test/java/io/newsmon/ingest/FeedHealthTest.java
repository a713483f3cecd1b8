package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.schedule.InMemoryFeedStates;
import io.newsmon.model.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@link FeedHealth} calls ok, failing, never polled and silent, from feed states alone. */
class FeedHealthTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration INTERVAL = Duration.ofMinutes(15);
    private static final FeedSource FEED = new FeedSource("https://news.example.org/rss.xml", "Example news", null, null);

    @Test
    void aFeedFailingSinceItsLastSuccessIsSilentAfterTwiceItsIntervalPlusAMinute() {
        FeedState failing = failingSince(T, T.plus(Duration.ofMinutes(25)));

        assertThat(FeedHealth.silence(FEED, failing, null, T.plus(Duration.ofMinutes(31)))).isEmpty();
        assertThat(FeedHealth.silence(FEED, failing, null, T.plus(Duration.ofMinutes(31)).plusSeconds(1)))
                .contains(new SilentFeed(FEED.url(), "Example news", T, INTERVAL));
    }

    @Test
    void aHealthyFeedWhosePollsStoppedIsSilentOnceOverdueByItsWaitPlusAMinute() {
        FeedState healthy = succeeded(T, T.plus(INTERVAL));

        assertThat(FeedHealth.silence(FEED, healthy, null, T.plus(Duration.ofMinutes(31)))).isEmpty();
        assertThat(FeedHealth.silence(FEED, healthy, null, T.plus(Duration.ofMinutes(32)))).isPresent();
    }

    @Test
    void aLongerWaitAskedForByTheServerIsTheExpectedIntervalEvenOnceTheFeedFails() {
        FeedState fresh = succeeded(T, T.plus(Duration.ofHours(2)));
        FeedHealth.Seen seen = FeedHealth.Seen.after(null, fresh);
        FeedState thenFailing = failingSince(T, T.plus(Duration.ofHours(2)));

        assertThat(FeedHealth.expectedInterval(fresh, null)).isEqualTo(Duration.ofHours(2));
        assertThat(FeedHealth.silence(FEED, fresh, null, T.plus(Duration.ofHours(4)))).isEmpty();
        assertThat(FeedHealth.silence(FEED, thenFailing, seen, T.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(FeedHealth.silence(FEED, thenFailing, seen, T.plus(Duration.ofHours(4)).plusSeconds(120)))
                .contains(new SilentFeed(FEED.url(), "Example news", T, Duration.ofHours(2)));
        // without what the ingester saw (after a restart), only the interval is known
        assertThat(FeedHealth.silence(FEED, thenFailing, null, T.plus(Duration.ofHours(3)))).isPresent();
    }

    @Test
    void aFeedNeverReadIsSilentCountedFromItsFirstPollWhenKnownElseFromItsLastPoll() {
        FeedState first = failed(FeedState.initial(FEED.url(), FEED.name(), INTERVAL, T), T);
        FeedHealth.Seen seen = FeedHealth.Seen.after(null, first);
        FeedState later = failed(first, T.plus(Duration.ofMinutes(20)));
        Instant now = T.plus(Duration.ofMinutes(32));

        assertThat(FeedHealth.Seen.after(seen, later).firstPoll()).isEqualTo(T);
        assertThat(FeedHealth.silence(FEED, later, seen, now)).contains(new SilentFeed(FEED.url(), "Example news", null, INTERVAL));
        assertThat(FeedHealth.silence(FEED, later, null, now)).isEmpty();
    }

    @Test
    void countsFeedsByHealthAndNeverCallsAFeedNotPolledSilent() {
        FeedSource ok = FeedSource.feed("https://a.example.org/feed");
        FeedSource failing = FeedSource.feed("https://b.example.org/feed");
        FeedSource loadedNotPolled = FeedSource.feed("https://c.example.org/feed");
        FeedSource unknown = FeedSource.feed("https://d.example.org/feed");
        InMemoryFeedStates states = new InMemoryFeedStates();
        states.put(rename(succeeded(T, T.plus(INTERVAL)), ok));
        states.put(rename(failingSince(T, T.plus(Duration.ofMinutes(40))), failing));
        states.put(FeedState.initial(loadedNotPolled.url(), null, INTERVAL, T));

        FeedHealth health = FeedHealth.of(List.of(ok, failing, loadedNotPolled, unknown), states, Map.of(),
                T.plus(Duration.ofDays(1)));

        assertThat(List.of(health.ok(), health.failing(), health.neverPolled(), health.feeds())).containsExactly(1, 1, 2, 4);
        assertThat(health.silent()).extracting(SilentFeed::url).containsExactly(ok.url(), failing.url());
    }

    @Test
    void describesASilentFeedForTheHealthPage() {
        assertThat(new SilentFeed(FEED.url(), "Example news", T, Duration.ofMinutes(90)).describe())
                .isEqualTo("https://news.example.org/rss.xml (no success since 2026-03-02T10:00:00Z, expected every 1 h 30 min)");
        assertThat(new SilentFeed(FEED.url(), "Example news", null, Duration.ofMinutes(15)).describe())
                .isEqualTo("https://news.example.org/rss.xml (never read successfully, expected every 15 min)");
        assertThat(SilentFeed.human(Duration.ofHours(2))).isEqualTo("2 h");
        assertThat(SilentFeed.human(Duration.ofSeconds(45))).isEqualTo("45 s");
    }

    /** Read at {@code at}, due again at {@code next}. */
    private static FeedState succeeded(Instant at, Instant next) {
        return new FeedState(FeedState.SCHEMA_VERSION, FEED.url(), FEED.name(), null, null, at, at, null, null, 0,
                INTERVAL, next, 3, 1, 10);
    }

    /** Read at {@code success}, failed at {@code failure}. */
    private static FeedState failingSince(Instant success, Instant failure) {
        return failed(succeeded(success, success.plus(INTERVAL)), failure);
    }

    private static FeedState failed(FeedState before, Instant at) {
        return new FeedState(FeedState.SCHEMA_VERSION, before.feedUrl(), before.source(), null, null, at,
                before.lastSuccess(), at, "HTTP status 500 from " + before.feedUrl(), before.consecutiveFailures() + 1,
                before.interval(), at.plus(Duration.ofMinutes(2)), 0, 0, 0);
    }

    private static FeedState rename(FeedState state, FeedSource feed) {
        return new FeedState(state.schemaVersion(), feed.url(), feed.name(), state.etag(), state.lastModified(),
                state.lastPoll(), state.lastSuccess(), state.lastError(), state.lastErrorMessage(),
                state.consecutiveFailures(), state.interval(), state.nextPoll(), state.lastEntries(),
                state.lastNewArticles(), state.articlesPublished());
    }
}
