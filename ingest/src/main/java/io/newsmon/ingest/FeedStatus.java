package io.newsmon.ingest;

import io.newsmon.model.FeedState;

/**
 * A feed's status, from its {@link FeedState} alone: what {@link FeedHealth} counts and
 * {@code newsmon feeds status} shows.
 *
 * <p>Example: {@code FeedStatus.of(FeedState.initial(url, name, interval, now))} is {@link #NEVER_POLLED},
 * as is {@code FeedStatus.of(null)}.
 */
public enum FeedStatus {
    /** Polled, and its last poll succeeded. */
    OK,
    /** Its last poll failed ({@link FeedState#consecutiveFailures()} above 0). */
    FAILING,
    /** Not polled yet: it has no state, or its state records no poll ({@link FeedState#lastPoll()} is null). */
    NEVER_POLLED;

    /** The status of a feed whose state is {@code state}; null when it has none. */
    public static FeedStatus of(FeedState state) {
        if (state == null || state.lastPoll() == null) {
            return NEVER_POLLED;
        }
        return state.healthy() ? OK : FAILING;
    }
}
