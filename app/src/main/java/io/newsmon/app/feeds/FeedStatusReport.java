package io.newsmon.app.feeds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsmon.app.cli.Durations;
import io.newsmon.ingest.FeedStatus;
import io.newsmon.ingest.config.FeedSource;
import io.newsmon.model.FeedState;
import io.newsmon.model.Json;
import io.newsmon.model.text.Printable;
import io.newsmon.model.text.Secrets;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The health of each configured feed, for {@code newsmon feeds status}: its {@link FeedStatus}, shown as
 * {@code ok}, {@code failing} or {@code never polled}, and what its state says. The URLs and the error
 * message have their passwords, tokens and keys masked ({@code http://ann:***@example.org/rss}); every
 * field that came from outside (URL, name, error, validators) is printed with its control characters
 * escaped, as text (<code>&#92;u001b[2J</code>) or as JSON escapes.
 */
record FeedStatusReport(List<Row> rows) {
    /**
     * One feed's health.
     *
     * @param url              the feed's URL, secrets masked
     * @param status           as {@link FeedStatus#of} classifies the feed's state
     * @param lastErrorMessage why the last poll failed, secrets masked, or null
     */
    record Row(String url, String name, FeedStatus status, Instant lastSuccess, Instant lastError, String lastErrorMessage,
               int consecutiveFailures, Instant nextPoll, Duration interval, int lastNewArticles, long articlesPublished,
               String etag, String lastModified) {
    }

    FeedStatusReport(List<FeedSource> feeds, Map<String, FeedState> states, Instant now) {
        this(feeds.stream().map(feed -> row(feed, states.get(feed.url()))).toList());
    }

    private static Row row(FeedSource feed, FeedState state) {
        if (state == null) {
            return new Row(Secrets.mask(feed.url()), feed.name(), FeedStatus.NEVER_POLLED, null, null, null, 0, null,
                    null, 0, 0, null, null);
        }
        return new Row(Secrets.mask(feed.url()), feed.name(), FeedStatus.of(state), state.lastSuccess(),
                state.lastError(), Secrets.mask(state.lastErrorMessage()), state.consecutiveFailures(), state.nextPoll(), state.interval(),
                state.lastNewArticles(), state.articlesPublished(), state.etag(), state.lastModified());
    }

    long failing() {
        return count(FeedStatus.FAILING);
    }

    void print(PrintWriter out) {
        out.printf("%d feeds: %d ok, %d failing, %d never polled%n", rows.size(), count(FeedStatus.OK), failing(),
                count(FeedStatus.NEVER_POLLED));
        for (Row row : rows) {
            out.printf("%n%s (%s)%n", Printable.text(row.url()), Printable.text(row.name()));
            out.printf("  status        %s%n", row.status() == FeedStatus.FAILING
                    ? "failing, " + row.consecutiveFailures() + " poll(s) in a row" : label(row.status()));
            if (row.nextPoll() == null) {
                continue;
            }
            out.printf("  last success  %s%n", time(row.lastSuccess()));
            if (row.lastError() != null) {
                out.printf("  last error    %s: %s%n", time(row.lastError()), Printable.text(row.lastErrorMessage()));
            }
            out.printf("  next poll     %s%n", time(row.nextPoll()));
            out.printf("  interval      %s; %d new at the last poll, %d published in all%n",
                    Durations.human(row.interval()), row.lastNewArticles(), row.articlesPublished());
            if (row.etag() != null || row.lastModified() != null) {
                out.printf("  validators    %s%n", validators(row));
            }
        }
    }

    /**
     * One JSON object per row and line, with every control character written as a JSON escape; the status
     * as the text shows it ({@code "never polled"}).
     */
    void printJson(PrintWriter out) {
        for (Row row : rows) {
            ObjectNode json = Json.mapper().valueToTree(row);
            json.put("status", label(row.status()));
            out.println(Printable.escapeInJson(Json.writeString(json)));
        }
    }

    private long count(FeedStatus status) {
        return rows.stream().filter(row -> row.status() == status).count();
    }

    private static String label(FeedStatus status) {
        return switch (status) {
            case OK -> "ok";
            case FAILING -> "failing";
            case NEVER_POLLED -> "never polled";
        };
    }

    private static String time(Instant instant) {
        return instant == null ? "never" : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String validators(Row row) {
        String etag = row.etag() == null ? "" : "ETag " + Printable.text(row.etag());
        String modified = row.lastModified() == null ? "" : "Last-Modified " + Printable.text(row.lastModified());
        return etag.isEmpty() || modified.isEmpty() ? etag + modified : etag + ", " + modified;
    }
}
