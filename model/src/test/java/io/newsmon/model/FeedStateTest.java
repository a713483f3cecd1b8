package io.newsmon.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FeedStateTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void roundTripsThroughJsonWithReadableTimesAndDurations() {
        FeedState state = new FeedState(FeedState.SCHEMA_VERSION, "https://example.org/rss.xml", "Example", "W/\"7f\"",
                "Mon, 23 Nov 2026 09:58:00 GMT", NOW, NOW, null, null, 0, Duration.ofMinutes(15),
                NOW.plus(Duration.ofMinutes(15)), 20, 3, 42);

        byte[] json = Json.write(state);

        assertThat(Json.read(json, FeedState.class)).isEqualTo(state);
        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"interval\":\"PT15M\"")
                .contains("\"nextPoll\":\"2026-11-23T10:15:00Z\"");
    }

    @Test
    void aNewFeedIsDueNowAndHealthy() {
        FeedState state = FeedState.initial("https://example.org/rss.xml", "Example", Duration.ofMinutes(15), NOW);

        assertThat(state.nextPoll()).isEqualTo(NOW);
        assertThat(state.healthy()).isTrue();
        assertThat(state.lastPoll()).isNull();
    }

    @Test
    void refusesAStateWithoutAPositiveInterval() {
        assertThatThrownBy(() -> FeedState.initial("https://example.org/rss.xml", "Example", Duration.ZERO, NOW))
                .hasMessage("feed state interval PT0S of https://example.org/rss.xml must be positive");
    }

    @Test
    void aSeenArticleRoundTrips() {
        SeenArticle seen = new SeenArticle(SeenArticle.SCHEMA_VERSION, "0123abcd", "https://example.org/a", NOW);

        assertThat(Json.read(Json.write(seen), SeenArticle.class)).isEqualTo(seen);
    }

    @Test
    void toBuilderChangesOnlyTheFieldsItNamesAndChecksTheResult() {
        FeedState state = FeedState.initial("https://news.example/rss", "Example", Duration.ofMinutes(30),
                Instant.parse("2026-12-01T00:00:00Z"));
        Instant now = Instant.parse("2026-12-01T00:30:00Z");

        FeedState next = state.toBuilder().lastPoll(now).consecutiveFailures(2).build();

        assertThat(next.lastPoll()).isEqualTo(now);
        assertThat(next.consecutiveFailures()).isEqualTo(2);
        assertThat(next).usingRecursiveComparison().ignoringFields("lastPoll", "consecutiveFailures").isEqualTo(state);
        assertThat(state.toBuilder().build()).isEqualTo(state);
        assertThatThrownBy(() -> state.toBuilder().consecutiveFailures(-1).build())
                .hasMessageContaining("consecutiveFailures -1");
    }
}
