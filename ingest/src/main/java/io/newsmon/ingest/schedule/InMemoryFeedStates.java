package io.newsmon.ingest.schedule;

import io.newsmon.model.FeedState;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Feed states in a map: for tests and for a single run that keeps no state. */
public final class InMemoryFeedStates implements FeedStates {
    private final Map<String, FeedState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<FeedState> get(String feedUrl) {
        return Optional.ofNullable(states.get(feedUrl));
    }

    @Override
    public void put(FeedState state) {
        states.put(state.feedUrl(), state);
    }

    /** Every state kept, in no order. */
    public List<FeedState> all() {
        return List.copyOf(states.values());
    }
}
