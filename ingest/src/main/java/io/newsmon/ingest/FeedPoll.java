package io.newsmon.ingest;

import io.newsmon.ingest.config.FeedSource;
import io.newsmon.model.FeedState;
import java.util.List;

/**
 * What one poll of one feed did.
 *
 * @param feed        the feed
 * @param state       its state after the poll, as kept
 * @param outcome     how the poll of the feed itself went
 * @param entries     the entries the feed listed (0 unless {@link Outcome#READ})
 * @param published   the new article pages fetched and accepted by the sink
 * @param pagesFailed the new article pages that could not be fetched or delivered
 * @param errors      one line per failure, naming the feed or page URL and the reason
 * @param pagesLeft   the new article pages not fetched because the round reached its deadline; they are
 *                    not marked seen, so the next round fetches them
 */
public record FeedPoll(FeedSource feed, FeedState state, Outcome outcome, int entries, int published,
                       int pagesFailed, List<String> errors, int pagesLeft) {

    /** How the poll of the feed itself went. */
    public enum Outcome {
        /** The feed was read and listed its entries. */
        READ,
        /** The server answered 304 Not Modified. */
        NOT_MODIFIED,
        /** The feed could not be read; its state says why. */
        FAILED,
        /** The round reached its deadline before the feed was read; its state is unchanged. */
        LEFT_AT_DEADLINE
    }

    public FeedPoll {
        errors = List.copyOf(errors);
    }

    /** A feed read: {@code entries} listed, {@code published} new pages delivered, the others failed or left. */
    static FeedPoll read(FeedSource feed, FeedState state, int entries, int published, List<String> errors,
                         int pagesLeft) {
        return new FeedPoll(feed, state, Outcome.READ, entries, published, errors.size(), errors, pagesLeft);
    }

    /** A feed that answered 304 Not Modified. */
    static FeedPoll notModified(FeedSource feed, FeedState state) {
        return new FeedPoll(feed, state, Outcome.NOT_MODIFIED, 0, 0, 0, List.of(), 0);
    }

    /** A feed that could not be read, with the line that says why. */
    static FeedPoll failed(FeedSource feed, FeedState state, String error) {
        return new FeedPoll(feed, state, Outcome.FAILED, 0, 0, 0, List.of(error), 0);
    }

    /** A feed not read because the round reached its deadline first; {@code state} is its state before. */
    static FeedPoll leftAtDeadline(FeedSource feed, FeedState state) {
        return new FeedPoll(feed, state, Outcome.LEFT_AT_DEADLINE, 0, 0, 0, List.of(), 0);
    }

    /** Whether the feed itself could not be read. */
    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    /** Whether the server answered 304 Not Modified. */
    public boolean notModified() {
        return outcome == Outcome.NOT_MODIFIED;
    }

    /** Whether the round reached its deadline before the feed was read. */
    public boolean left() {
        return outcome == Outcome.LEFT_AT_DEADLINE;
    }
}
