package io.newsmon.store.jdbc;

/**
 * The database could not be reached or was briefly busy: connection refused or lost, no pooled
 * connection within the connection timeout, a SQLite lock held past the busy timeout, a serialization
 * failure. The work that failed was rolled back whole, so the caller may pause and retry it as is.
 *
 * <pre>{@code
 * try {
 *     store.upsert(batch);
 * } catch (StoreUnavailableException e) {
 *     // back off, then upsert the same batch again; nothing of it was written
 * }
 * }</pre>
 */
public class StoreUnavailableException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** A retriable failure described by {@code message}, caused by {@code cause}. */
    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
