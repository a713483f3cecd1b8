package io.newsmon.store.jdbc;

/**
 * A statement of a write ran longer than the store's {@link StoreOptions#writeTimeout() write timeout} and
 * the database cancelled it; the write was rolled back whole. Whether to retry is the caller's call: the
 * database may be overloaded (ask {@link ArticleStore#ping()}), or the data itself may be too costly to
 * write (a record to set aside).
 */
public class StoreTimeoutException extends StoreException {
    private static final long serialVersionUID = 1L;

    /** A timed-out write described by {@code message}, caused by {@code cause}. */
    public StoreTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
