package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.model.FeedState;
import java.util.List;

/**
 * What one poll of one feed did.
 *
 * @param feed        the feed
 * @param state       its state after the poll, as kept
 * @param failed      whether the feed itself could not be read (its state says why)
 * @param notModified whether the server answered 304
 * @param entries     the entries the feed listed (0 when failed or not modified)
 * @param published   the new article pages fetched and accepted by the sink
 * @param pagesFailed the new article pages that could not be fetched or delivered
 * @param errors      one line per failure, naming the feed or page URL and the reason
 * @param pagesLeft   the new article pages not fetched because the round reached its deadline; they are
 *                    not marked seen, so the next round fetches them
 * @param left        whether the round reached its deadline before the feed itself was read; its state
 *                    is then unchanged
 */
public record FeedPoll(FeedSource feed, FeedState state, boolean failed, boolean notModified, int entries,
                       int published, int pagesFailed, List<String> errors, int pagesLeft, boolean left) {
    public FeedPoll {
        errors = List.copyOf(errors);
    }

    /** A poll that was not cut short by a deadline. */
    public FeedPoll(FeedSource feed, FeedState state, boolean failed, boolean notModified, int entries,
                    int published, int pagesFailed, List<String> errors) {
        this(feed, state, failed, notModified, entries, published, pagesFailed, errors, 0, false);
    }

    /** A feed not read because the round reached its deadline first; {@code state} is its state before. */
    static FeedPoll leftAtDeadline(FeedSource feed, FeedState state) {
        return new FeedPoll(feed, state, false, false, 0, 0, 0, List.of(), 0, true);
    }
}
