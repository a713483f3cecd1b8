package io.newsmon.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsmon.model.FeedState;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What {@link FeedStatus} calls a feed from its state. */
class FeedStatusTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final String URL = "https://news.example.org/rss.xml";
    private static final FeedState NEVER_POLLED = FeedState.initial(URL, "Example news", Duration.ofMinutes(15), T);

    @Test
    void aFeedWithoutStateOrWhoseStateRecordsNoPollIsNeverPolled() {
        assertThat(FeedStatus.of(null)).isEqualTo(FeedStatus.NEVER_POLLED);
        assertThat(FeedStatus.of(NEVER_POLLED)).isEqualTo(FeedStatus.NEVER_POLLED);
    }

    @Test
    void aPolledFeedIsOkUntilAPollFails() {
        FeedState ok = polled(0);

        assertThat(FeedStatus.of(ok)).isEqualTo(FeedStatus.OK);
        assertThat(FeedStatus.of(polled(2))).isEqualTo(FeedStatus.FAILING);
    }

    private static FeedState polled(int failures) {
        return new FeedState(FeedState.SCHEMA_VERSION, URL, "Example news", null, null, T, failures == 0 ? T : null,
                failures == 0 ? null : T, failures == 0 ? null : "HTTP status 500 from " + URL, failures,
                Duration.ofMinutes(15), T.plus(Duration.ofMinutes(15)), 0, 0, 0);
    }
}
