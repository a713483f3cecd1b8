package io.newsmon.app;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.model.FeedState;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** The health of each configured feed, for {@code newsmon feeds status}. */
record FeedStatusReport(List<Row> rows) {
    /**
     * One feed's health.
     *
     * @param status "ok", "failing" or "never polled"
     */
    record Row(String url, String name, String status, Instant lastSuccess, Instant lastError, String lastErrorMessage,
               int consecutiveFailures, Instant nextPoll, Duration interval, int lastNewArticles, long articlesPublished,
               String etag, String lastModified) {
    }

    FeedStatusReport(List<FeedSource> feeds, Map<String, FeedState> states, Instant now) {
        this(feeds.stream().map(feed -> row(feed, states.get(feed.url()))).toList());
    }

    private static Row row(FeedSource feed, FeedState state) {
        if (state == null) {
            return new Row(feed.url(), feed.name(), "never polled", null, null, null, 0, null, null, 0, 0, null, null);
        }
        return new Row(feed.url(), feed.name(), state.healthy() ? "ok" : "failing", state.lastSuccess(), state.lastError(),
                state.lastErrorMessage(), state.consecutiveFailures(), state.nextPoll(), state.interval(),
                state.lastNewArticles(), state.articlesPublished(), state.etag(), state.lastModified());
    }

    long failing() {
        return rows.stream().filter(row -> row.status().equals("failing")).count();
    }

    void print(PrintWriter out) {
        long never = rows.stream().filter(row -> row.status().equals("never polled")).count();
        out.printf("%d feeds: %d ok, %d failing, %d never polled%n", rows.size(), rows.size() - failing() - never,
                failing(), never);
        for (Row row : rows) {
            out.printf("%n%s (%s)%n", row.url(), row.name());
            out.printf("  status        %s%n", row.consecutiveFailures() > 0
                    ? "failing, " + row.consecutiveFailures() + " poll(s) in a row" : row.status());
            if (row.nextPoll() == null) {
                continue;
            }
            out.printf("  last success  %s%n", time(row.lastSuccess()));
            if (row.lastError() != null) {
                out.printf("  last error    %s: %s%n", time(row.lastError()), row.lastErrorMessage());
            }
            out.printf("  next poll     %s%n", time(row.nextPoll()));
            out.printf("  interval      %s; %d new at the last poll, %d published in all%n",
                    Durations.human(row.interval()), row.lastNewArticles(), row.articlesPublished());
            if (row.etag() != null || row.lastModified() != null) {
                out.printf("  validators    %s%n", validators(row));
            }
        }
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String validators(Row row) {
        String etag = row.etag() == null ? "" : "ETag " + row.etag();
        String modified = row.lastModified() == null ? "" : "Last-Modified " + row.lastModified();
        return etag.isEmpty() || modified.isEmpty() ? etag + modified : etag + ", " + modified;
    }
}
