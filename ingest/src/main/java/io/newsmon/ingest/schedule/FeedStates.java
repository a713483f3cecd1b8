package io.newsmon.ingest.schedule;

import io.newsmon.model.FeedState;
import java.util.Optional;

/**
 * Where feed states are kept between polls, for example a compacted Kafka topic. Implementations must be
 * thread-safe: feeds are polled in parallel, and each feed writes only its own state.
 *
 * @see InMemoryFeedStates
 */
public interface FeedStates {
    /** The last state of the feed at {@code feedUrl}, or empty when it was never polled. */
    Optional<FeedState> get(String feedUrl);

    /**
     * Keeps {@code state}; returns once it is durable.
     *
     * @throws Exception when it could not be kept (the poll's result is then reported, and the feed is
     *                   polled again as if this poll had not happened)
     */
    void put(FeedState state) throws Exception;
}
