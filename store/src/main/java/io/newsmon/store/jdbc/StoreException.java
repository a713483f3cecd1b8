package io.newsmon.store.jdbc;

import io.newsmon.model.text.Secrets;

/**
 * A store failure that retrying will not fix: a missing JDBC driver, a failed migration, SQL the
 * database rejects. The message names the JDBC URL (password masked) and what to check.
 *
 * @see StoreUnavailableException for failures worth a retry
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * A failure described by {@code message}, caused by {@code cause} (may be null). The message is kept with
     * its secrets masked ({@link Secrets#mask}): it quotes URLs and the driver's own errors, which may repeat
     * a password (a driver that takes {@code user:password@} for a host name quotes it).
     */
    public StoreException(String message, Throwable cause) {
        super(Secrets.mask(message), cause);
    }
}
