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
 */
public record FeedPoll(FeedSource feed, FeedState state, boolean failed, boolean notModified, int entries,
                       int published, int pagesFailed, List<String> errors) {
    public FeedPoll {
        errors = List.copyOf(errors);
    }
}
