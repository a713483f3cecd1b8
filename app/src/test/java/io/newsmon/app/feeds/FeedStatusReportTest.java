package io.newsmon.app.feeds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsmon.ingest.FeedStatus;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.ingest.config.FeedType;
import io.newsmon.model.FeedState;
import io.newsmon.model.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@code newsmon feeds status}: what it prints of a feed whose URL holds a password and whose server is hostile. */
class FeedStatusReportTest {
    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
    private static final String URL = "http://ann:PASSWORD@news.example/feed.xml?token=TOKEN9";
    private static final String SHOWN = "http://ann:***@news.example/feed.xml?token=***";
    /** As a feed state written before messages were escaped may hold it. */
    private static final String MESSAGE = "HTTP status 500 from " + URL + ": \u001b]0;pwned\u0007\u001b[2J";

    private final FeedStatusReport report = new FeedStatusReport(
            List.of(new FeedSource(URL, "News \u202eenil\u202c", FeedType.AUTO, null)),
            Map.of(URL, new FeedState(FeedState.SCHEMA_VERSION, URL, "News", "\"e\u009b1\"", "Mon\u0085day", NOW, null, NOW,
                    MESSAGE, 2, Duration.ofMinutes(15), NOW.plusSeconds(60), 0, 0, 0)), NOW);

    @Test
    void theTextMasksTheUrlsPasswordAndEscapesEveryFieldFromOutside() {
        String text = printed(report::print);

        assertThat(text).doesNotContain("PASSWORD", "TOKEN9")
                .contains(SHOWN + " (News \\u202eenil\\u202c)")
                .contains("HTTP status 500 from " + SHOWN + ": \\u001b]0;pwned\\u0007\\u001b[2J")
                .contains("ETag \"e\\u009b1\", Last-Modified Mon\\u0085day");
        assertThat(text.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e))
                .as("raw control characters").isEmpty();
    }

    @Test
    void theJsonMasksTheUrlsPasswordAndLeavesControlCharactersToJsonEscapes() throws Exception {
        String json = printed(report::printJson);

        assertThat(json).doesNotContain("PASSWORD", "TOKEN9");
        assertThat(json.chars().filter(c -> c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e))
                .as("raw control characters").isEmpty();
        assertThat(json.lines()).hasSize(1);
        JsonNode row = Json.mapper().readTree(json);
        assertThat(row.get("url").asText()).isEqualTo(SHOWN);
        assertThat(row.get("name").asText()).isEqualTo("News \u202eenil\u202c");
        assertThat(row.get("lastErrorMessage").asText())
                .isEqualTo("HTTP status 500 from " + SHOWN + ": \u001b]0;pwned\u0007\u001b[2J");
        assertThat(row.get("etag").asText()).isEqualTo("\"e\u009b1\"");
    }

    @Test
    void aFeedWithoutStateAndOneWhoseStateRecordsNoPollAreBothNeverPolled() throws Exception {
        String polled = "https://polled.example/feed.xml";
        String unknown = "https://unknown.example/feed.xml";
        String loaded = "https://loaded.example/feed.xml";
        FeedStatusReport feeds = new FeedStatusReport(
                List.of(FeedSource.feed(polled), FeedSource.feed(unknown), FeedSource.feed(loaded)),
                Map.of(polled, new FeedState(FeedState.SCHEMA_VERSION, polled, null, null, null, NOW, NOW, null, null, 0,
                                Duration.ofMinutes(15), NOW.plusSeconds(900), 3, 1, 1),
                        loaded, FeedState.initial(loaded, null, Duration.ofMinutes(15), NOW)), NOW);

        assertThat(feeds.rows()).extracting(FeedStatusReport.Row::status)
                .containsExactly(FeedStatus.OK, FeedStatus.NEVER_POLLED, FeedStatus.NEVER_POLLED);
        assertThat(feeds.failing()).isZero();
        assertThat(printed(feeds::print)).startsWith("3 feeds: 1 ok, 0 failing, 2 never polled")
                .contains(loaded + " (loaded.example)\n  status        never polled\n");
        List<String> statuses = new ArrayList<>();
        for (String line : printed(feeds::printJson).lines().toList()) {
            statuses.add(Json.mapper().readTree(line).get("status").asText());
        }
        assertThat(statuses).containsExactly("ok", "never polled", "never polled");
    }

    private static String printed(Consumer<PrintWriter> print) {
        StringWriter out = new StringWriter();
        print.accept(new PrintWriter(out, true));
        return out.toString();
    }
}
