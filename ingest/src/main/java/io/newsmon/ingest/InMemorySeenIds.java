package io.newsmon.ingest;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SeenIds} held in memory, forgotten when the process ends; thread-safe. */
public final class InMemorySeenIds implements SeenIds {
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    @Override
    public boolean contains(String id) {
        return ids.contains(id);
    }

    @Override
    public void add(String id, String url) {
        ids.add(id);
    }

    /** How many ids are held. */
    public int size() {
        return ids.size();
    }
}
