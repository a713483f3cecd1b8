package io.newsmon.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link Ingester#pollOnce} did.
 *
 * @param feeds            the feeds polled
 * @param feedsFailed      the feeds that gave no entries (fetch failed, not a feed, no links on a listing)
 * @param feedsNotModified the feeds that answered 304 Not Modified
 * @param entries          the entries found in all feeds, before skipping those already seen
 * @param pagesFetched     the new article pages fetched and accepted by the sink
 * @param pagesFailed      the new article pages that could not be fetched or that the sink refused;
 *                         they are not marked seen, so a later poll tries them again
 * @param errors           one line per failure naming the feed or page URL and the reason, for example
 *                         {@code feed https://example.org/rss.xml: HTTP status 404 from https://example.org/rss.xml}
 * @param feedsLeft        the feeds not read because the round reached its deadline first
 * @param pagesLeft        the new article pages not fetched because the round reached its deadline; the
 *                         next round fetches them
 */
public record IngestReport(int feeds, int feedsFailed, int feedsNotModified, int entries, int pagesFetched,
                           int pagesFailed, List<String> errors, int feedsLeft, int pagesLeft) {
    public IngestReport {
        errors = List.copyOf(errors);
    }

    /** A report of a round that was not cut short by its deadline. */
    public IngestReport(int feeds, int feedsFailed, int feedsNotModified, int entries, int pagesFetched,
                        int pagesFailed, List<String> errors) {
        this(feeds, feedsFailed, feedsNotModified, entries, pagesFetched, pagesFailed, errors, 0, 0);
    }

    /** The sum of the polls of several feeds. */
    public static IngestReport of(List<FeedPoll> polls) {
        int failed = 0;
        int notModified = 0;
        int entries = 0;
        int fetched = 0;
        int pagesFailed = 0;
        int feedsLeft = 0;
        int pagesLeft = 0;
        List<String> errors = new ArrayList<>();
        for (FeedPoll poll : polls) {
            failed += poll.failed() ? 1 : 0;
            notModified += poll.notModified() ? 1 : 0;
            entries += poll.entries();
            fetched += poll.published();
            pagesFailed += poll.pagesFailed();
            errors.addAll(poll.errors());
            feedsLeft += poll.left() ? 1 : 0;
            pagesLeft += poll.pagesLeft();
        }
        return new IngestReport(polls.size(), failed, notModified, entries, fetched, pagesFailed, errors, feedsLeft,
                pagesLeft);
    }
}
