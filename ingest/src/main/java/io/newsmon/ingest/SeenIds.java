package io.newsmon.ingest;

/**
 * The article ids already published, so that a poll fetches only new articles. Implementations must be
 * thread-safe: {@link Ingester} calls them from several threads at once.
 *
 * @see InMemorySeenIds
 */
public interface SeenIds {
    /** Whether the article {@code id} was already published (or given up). */
    boolean contains(String id);

    /**
     * Records that the article {@code id}, at canonical {@code url}, has been published (or given up);
     * returns once that is durable.
     *
     * @throws Exception when it could not be recorded; the page may then be fetched again later
     */
    void add(String id, String url) throws Exception;
}
