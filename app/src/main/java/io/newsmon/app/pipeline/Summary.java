package io.newsmon.app.pipeline;

import io.newsmon.ingest.IngestReport;
import io.newsmon.model.text.Printable;
import java.io.PrintWriter;

/**
 * What one {@code run --once} did, printed at the end; each error line with its passwords and tokens
 * masked and its control characters escaped ({@link Printable#text}).
 *
 * @param ingest      what ingest polled and fetched
 * @param duplicates  articles enrich found to duplicate an earlier one
 * @param stored      rows the store inserted
 * @param unchanged   articles the store already had
 * @param deadLetters records sent to the dead-letter topic
 * @param complete    whether every fetched article was processed before the drain timeout
 */
record Summary(IngestReport ingest, long duplicates, long stored, long unchanged, long deadLetters, boolean complete) {
    void print(PrintWriter out) {
        int errors = ingest.feedsFailed() + ingest.pagesFailed() + (int) deadLetters;
        out.printf("newsmon run --once: %s%n", complete ? "done" : "INCOMPLETE (drain timeout)");
        out.printf("  feeds      %d (%d failed, %d not modified)%n", ingest.feeds(), ingest.feedsFailed(),
                ingest.feedsNotModified());
        out.printf("  entries    %d%n", ingest.entries());
        out.printf("  fetched    %d articles (%d failed)%n", ingest.pagesFetched(), ingest.pagesFailed());
        if (ingest.feedsLeft() + ingest.pagesLeft() > 0) {
            out.printf("  left       %d articles and %d feeds for the next run: the --once-deadline came first%n",
                    ingest.pagesLeft(), ingest.feedsLeft());
        }
        out.printf("  stored     %d new, %d already stored%n", stored, unchanged);
        out.printf("  duplicates %d%n", duplicates);
        out.printf("  errors     %d%n", errors);
        ingest.errors().forEach(error -> out.printf("    %s%n", Printable.text(error)));
        if (deadLetters > 0) {
            out.printf("    %d records sent to news.dlq (see the log for each)%n", deadLetters);
        }
        out.flush();
    }
}
