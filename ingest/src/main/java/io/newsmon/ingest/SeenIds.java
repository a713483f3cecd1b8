package io.newsmon.ingest;

/**
 * The article ids already published, so that a poll fetches only new articles. Implementations must be
 * thread-safe: {@link Ingester} calls them from several threads at once.
 *
 * @see InMemorySeenIds
 */
public interface SeenIds {
    /** Whether the article {@code id} was already published. */
    boolean contains(String id);

    /** Records that the article {@code id} has been published. */
    void add(String id);
}
