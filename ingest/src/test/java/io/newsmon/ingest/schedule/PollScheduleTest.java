package io.newsmon.ingest.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsmon.ingest.schedule.PollSchedule.Answer;
import io.newsmon.model.FeedState;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PollScheduleTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final String URL = "https://example.org/rss.xml";

    private final PollSchedule schedule = new PollSchedule(PollSettings.defaults(), new SplittableRandom(7));

    @Test
    void aNewFeedIsDueAtOnceWithTheInitialInterval() {
        FeedState state = schedule.initial(URL, "Example", NOW);

        assertThat(state.nextPoll()).isEqualTo(NOW);
        assertThat(state.interval()).isEqualTo(Duration.ofMinutes(15));
        assertThat(state.healthy()).isTrue();
    }

    @Test
    void newArticlesShortenTheIntervalAndQuietPollsLengthenItWithinTheBounds() {
        FeedState state = schedule.initial(URL, "Example", NOW);
        FeedState busy = state;
        FeedState quiet = state;
        for (int i = 0; i < 20; i++) {
            busy = schedule.afterRead(busy, NOW, Answer.content(20, 5, null, null, null));
            quiet = schedule.afterRead(quiet, NOW, Answer.content(20, 0, null, null, null));
        }

        assertThat(schedule.afterRead(state, NOW, Answer.content(20, 5, null, null, null)).interval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(schedule.afterRead(state, NOW, Answer.content(20, 0, null, null, null)).interval())
                .isEqualTo(Duration.ofMinutes(22).plusSeconds(30));
        assertThat(busy.interval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(busy.nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
        assertThat(quiet.interval()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aNotModifiedAnswerKeepsTheEntryCountAndLengthensTheInterval() {
        FeedState read = schedule.afterRead(schedule.initial(URL, "Example", NOW), NOW, Answer.content(12, 3, "\"v1\"", null, null));
        FeedState same = schedule.afterRead(read, NOW.plusSeconds(600), Answer.notModified("\"v1\"", null, null));

        assertThat(same.lastEntries()).isEqualTo(12);
        assertThat(same.lastNewArticles()).isZero();
        assertThat(same.articlesPublished()).isEqualTo(3);
        assertThat(same.interval()).isGreaterThan(read.interval());
        assertThat(same.etag()).isEqualTo("\"v1\"");
    }

    @Test
    void aServerFreshnessHintDelaysTheNextPollButNeverPastTheMaximum() {
        FeedState state = schedule.initial(URL, "Example", NOW);

        FeedState ttl = schedule.afterRead(state, NOW, Answer.content(5, 1, null, null, Duration.ofMinutes(60)));
        FeedState shortHint = schedule.afterRead(state, NOW, Answer.content(5, 1, null, null, Duration.ofSeconds(30)));
        FeedState huge = schedule.afterRead(state, NOW, Answer.content(5, 1, null, null, Duration.ofDays(3)));

        assertThat(ttl.nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(60)));
        assertThat(ttl.interval()).as("the hint does not change the adaptive interval").isEqualTo(Duration.ofMinutes(10));
        assertThat(shortHint.nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(huge.nextPoll()).isEqualTo(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void failuresBackOffExponentiallyWithJitterUpToTheCapAndAreRetriedForever() {
        FeedState state = schedule.afterRead(schedule.initial(URL, "Example", NOW), NOW, Answer.content(5, 1, "\"e\"", "lm", null));
        for (int failures = 1; failures <= 40; failures++) {
            state = schedule.afterFailure(state, NOW, "HTTP status 503 from " + URL, null);
            Duration wait = Duration.between(NOW, state.nextPoll());
            Duration full = Duration.ofMinutes(1).multipliedBy(1L << Math.min(failures - 1, 20));
            Duration expected = full.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : full;
            assertThat(wait).as("wait after %d failures", failures)
                    .isBetween(expected.dividedBy(2), expected);
        }

        assertThat(state.consecutiveFailures()).isEqualTo(40);
        assertThat(state.healthy()).isFalse();
        assertThat(state.lastErrorMessage()).isEqualTo("HTTP status 503 from " + URL);
        assertThat(state.etag()).as("validators survive failures").isEqualTo("\"e\"");
        assertThat(state.lastSuccess()).isEqualTo(NOW);
    }

    @Test
    void jitterSpreadsFeedsThatFailTogether() {
        FeedState state = schedule.initial(URL, "Example", NOW);
        Set<Instant> nextPolls = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            nextPolls.add(schedule.afterFailure(state, NOW, "down", null).nextPoll());
        }

        assertThat(nextPolls).hasSizeGreaterThan(10);
    }

    @Test
    void retryAfterWaitsLongerThanTheBackoffWhenItAsksForMore() {
        FeedState state = schedule.initial(URL, "Example", NOW);

        FeedState after = schedule.afterFailure(state, NOW, "HTTP status 429", Duration.ofMinutes(20));

        assertThat(after.nextPoll()).isEqualTo(NOW.plus(Duration.ofMinutes(20)));
    }

    @Test
    void aSuccessAfterFailuresMakesTheFeedHealthyAndKeepsTheLastError() {
        FeedState failing = schedule.afterFailure(schedule.initial(URL, "Example", NOW), NOW, "timeout", null);

        FeedState healthy = schedule.afterRead(failing, NOW.plusSeconds(120), Answer.content(8, 2, null, null, null));

        assertThat(healthy.consecutiveFailures()).isZero();
        assertThat(healthy.lastError()).isEqualTo(NOW);
        assertThat(healthy.lastErrorMessage()).isEqualTo("timeout");
        assertThat(healthy.lastSuccess()).isEqualTo(NOW.plusSeconds(120));
    }

    @Test
    void settingsNameTheBadValueAndTheRule() {
        assertThatThrownBy(() -> PollSettings.defaults().withIntervals(Duration.ofHours(1), Duration.ofMinutes(5)))
                .hasMessage("poll maxPollInterval PT5M must be at least minPollInterval PT1H");
        assertThatThrownBy(() -> PollSettings.defaults().withBackoff(Duration.ZERO, Duration.ofHours(1)))
                .hasMessage("poll backoffBase PT0S must be a positive duration");
    }
}
