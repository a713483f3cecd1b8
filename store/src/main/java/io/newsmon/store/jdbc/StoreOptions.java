package io.newsmon.store.jdbc;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tuning of an {@link ArticleStore}; {@link #DEFAULTS} suits both dialects.
 *
 * <pre>{@code
 * ArticleStore.open(url, StoreOptions.DEFAULTS.withConnectionTimeout(Duration.ofSeconds(3)));
 * }</pre>
 *
 * @param connectionTimeout how long a call waits for a pooled connection before it fails with
 *                          {@link StoreUnavailableException}; at least 250 ms, default 10 s
 * @param postgresPoolSize  connections to PostgreSQL, 1 to 64, default 4 (SQLite always uses 1: it has
 *                          one writer)
 * @param sqliteBusyTimeout how long SQLite waits for another process's lock before it fails, default 5 s
 * @param clock             the clock of the {@code stored_at} column, default {@link Clock#systemUTC()}
 * @param writeTimeout      the longest one statement of a write may run before the database is asked to
 *                          cancel it ({@link StoreTimeoutException}); whole seconds, at least 1 s, default 30 s
 */
public record StoreOptions(Duration connectionTimeout, int postgresPoolSize, Duration sqliteBusyTimeout,
                           Clock clock, Duration writeTimeout) {
    /** 10 s connection timeout, 4 PostgreSQL connections, 5 s SQLite busy timeout, the system clock, 30 s writes. */
    public static final StoreOptions DEFAULTS = new StoreOptions(Duration.ofSeconds(10), 4, Duration.ofSeconds(5),
            Clock.systemUTC(), Duration.ofSeconds(30));

    public StoreOptions {
        Objects.requireNonNull(connectionTimeout, "store connectionTimeout");
        Objects.requireNonNull(sqliteBusyTimeout, "store sqliteBusyTimeout");
        Objects.requireNonNull(clock, "store clock");
        Objects.requireNonNull(writeTimeout, "store writeTimeout");
        if (writeTimeout.compareTo(Duration.ofSeconds(1)) < 0 || writeTimeout.toSeconds() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("store writeTimeout " + writeTimeout
                    + " is out of range: it must be 1 s to " + Integer.MAX_VALUE + " s");
        }
        if (connectionTimeout.compareTo(Duration.ofMillis(250)) < 0) {
            throw new IllegalArgumentException("store connectionTimeout " + connectionTimeout
                    + " is too short: it must be at least 250 ms");
        }
        if (postgresPoolSize < 1 || postgresPoolSize > 64) {
            throw new IllegalArgumentException("store postgresPoolSize " + postgresPoolSize
                    + " is out of range: it must be 1 to 64");
        }
        if (sqliteBusyTimeout.isNegative() || sqliteBusyTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("store sqliteBusyTimeout " + sqliteBusyTimeout
                    + " is out of range: it must be 0 to " + Integer.MAX_VALUE + " ms");
        }
    }

    /** These options with another connection timeout. */
    public StoreOptions withConnectionTimeout(Duration timeout) {
        return new StoreOptions(timeout, postgresPoolSize, sqliteBusyTimeout, clock, writeTimeout);
    }

    /** These options with another PostgreSQL pool size. */
    public StoreOptions withPostgresPoolSize(int size) {
        return new StoreOptions(connectionTimeout, size, sqliteBusyTimeout, clock, writeTimeout);
    }

    /** These options with another SQLite busy timeout. */
    public StoreOptions withSqliteBusyTimeout(Duration timeout) {
        return new StoreOptions(connectionTimeout, postgresPoolSize, timeout, clock, writeTimeout);
    }

    /** These options with another clock for {@code stored_at}. */
    public StoreOptions withClock(Clock stamp) {
        return new StoreOptions(connectionTimeout, postgresPoolSize, sqliteBusyTimeout, stamp, writeTimeout);
    }

    /** These options with another write timeout (whole seconds). */
    public StoreOptions withWriteTimeout(Duration timeout) {
        return new StoreOptions(connectionTimeout, postgresPoolSize, sqliteBusyTimeout, clock, timeout);
    }
}
