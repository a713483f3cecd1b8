package io.newsmon.store.jdbc;

/**
 * A store failure that retrying will not fix: a missing JDBC driver, a failed migration, SQL the
 * database rejects. The message names the JDBC URL (password masked) and what to check.
 *
 * @see StoreUnavailableException for failures worth a retry
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, caused by {@code cause} (may be null). */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
